using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audits");
        b.Property(x => x.Action).HasMaxLength(50);
        b.Property(x => x.Metadata).HasJson();
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(512);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);

        // The spec's default (see DashboardDbContext.SpecDefaults).
        b.Property(x => x.Metadata).HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
    }
}
