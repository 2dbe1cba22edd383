using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts");
        b.Property(x => x.Kind).HasCode().HasMaxLength(30);
        b.Property(x => x.Severity).HasCode().HasMaxLength(20);
        // One alert per salon, kind and day however often evaluation runs: a key, not a check-then-insert.
        b.HasIndex(x => new { x.TenantId, x.Kind, x.Day }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.AcknowledgedAt });

        // The spec's default (see DashboardDbContext.SpecDefaults).
        b.Property(x => x.Severity).HasDefaultValue(AlertSeverity.Warning).ValueGeneratedNever();
    }
}
