using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class WishlistActionConfiguration : IEntityTypeConfiguration<WishlistAction>
{
    public void Configure(EntityTypeBuilder<WishlistAction> b)
    {
        b.ToTable("wishlist_actions");
        b.Property(x => x.Status).HasCode().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.TenantId, x.WishlistId, x.ProcessedAt });
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.ProcessedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
