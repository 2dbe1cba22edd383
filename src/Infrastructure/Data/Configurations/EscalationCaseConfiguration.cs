using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class EscalationCaseConfiguration : IEntityTypeConfiguration<EscalationCase>
{
    public void Configure(EntityTypeBuilder<EscalationCase> b)
    {
        b.ToTable("conversations");
        b.Property(x => x.Version).IsRowVersion(); // Npgsql maps it to the system column xmin: no column of its own
        b.Property(x => x.ClientId).HasMaxLength(64);
        b.Property(x => x.Status).HasCode().HasMaxLength(20);
        b.Property(x => x.EscalationReason).HasMaxLength(EscalationCase.MaxReasonLength);
        b.Property(x => x.ClosureReason).HasMaxLength(EscalationCase.MaxReasonLength);
        b.HasIndex(x => new { x.TenantId, x.Status, x.EscalatedAt });
        b.HasIndex(x => new { x.TenantId, x.ClientId });
        b.HasIndex(x => x.SessionId);

        // The spec's defaults (see DashboardDbContext.SpecDefaults).
        b.Property(x => x.Status).HasDefaultValue(EscalationStatus.Active).ValueGeneratedNever();
        b.Property(x => x.Escalated).HasDefaultValue(false).ValueGeneratedNever();
        b.Property(x => x.ReopenCount).HasDefaultValue(0).ValueGeneratedNever();
    }
}
