using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>Which escalated dialog went into which case: makes the sync idempotent and is the case's history.</summary>
public sealed class EscalationSession : ITenantOwned
{
    public long SessionId { get; set; }
    public long CaseId { get; set; }
    public EscalationCase? Case { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset EscalatedAt { get; set; }
}
