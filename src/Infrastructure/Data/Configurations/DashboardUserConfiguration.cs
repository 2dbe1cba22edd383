using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> b)
    {
        b.ToTable("users");
        b.Property(x => x.Email).HasMaxLength(254);
        b.HasIndex(x => x.Email).IsUnique();
        b.Property(x => x.EncryptedPassword).HasMaxLength(100);
        b.Property(x => x.Role).HasCode().HasMaxLength(20);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.HasIndex(x => x.TenantId);
        b.Ignore(x => x.DisplayName);

        // The spec's defaults (see DashboardDbContext.SpecDefaults).
        b.Property(x => x.Role).HasDefaultValue(Role.Staff).ValueGeneratedNever();
        b.Property(x => x.Active).HasDefaultValue(true).ValueGeneratedNever();
        // A stamp of its own per row (as DashboardUser.Create makes one): a shared constant would tie users' sign-ins together.
        b.Property(x => x.SecurityStamp).HasDefaultValueSql("replace(gen_random_uuid()::text, '-', '')").ValueGeneratedNever();
    }
}
