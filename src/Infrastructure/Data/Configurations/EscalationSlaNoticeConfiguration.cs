using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class EscalationSlaNoticeConfiguration : IEntityTypeConfiguration<EscalationSlaNotice>
{
    public void Configure(EntityTypeBuilder<EscalationSlaNotice> b)
    {
        b.ToTable("escalation_sla_notices");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.CaseId).ValueGeneratedNever();
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<EscalationCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TenantId);
    }
}
