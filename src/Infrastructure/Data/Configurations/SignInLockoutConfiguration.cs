using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> b)
    {
        b.ToTable("sign_in_lockouts");
        b.HasKey(x => new { x.UserId, x.ClientAddress });
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.Property(x => x.FailedCount).HasDefaultValue(0).ValueGeneratedNever();
        b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
