namespace AgentP.Application.Notifications;

/// <summary>Claims a case's answer-target message for one run (<c>dashboard.escalation_sla_notices</c>), atomically.</summary>
public interface IEscalationSlaClaims
{
    /// <summary>
    /// True when this run may send the case's message: none was sent, and nobody holds a claim younger than <paramref name="stale"/>.
    /// Of two runs at once, on one instance or two, only one gets true.
    /// </summary>
    Task<bool> ClaimAsync(long caseId, Guid tenantId, DateTimeOffset now, DateTimeOffset stale, CancellationToken cancellationToken);
}
