using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class EscalationSessionConfiguration : IEntityTypeConfiguration<EscalationSession>
{
    public void Configure(EntityTypeBuilder<EscalationSession> b)
    {
        b.ToTable("escalation_sessions");
        b.HasKey(x => x.SessionId);
        b.Property(x => x.SessionId).ValueGeneratedNever();
        // The constraint keeps the name it got when the cases' set was called Conversations (the table still is).
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_escalation_sessions_conversations_case_id");
    }
}
