using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// The Telegram message that a handed-over client has waited past the salon's answer target (<c>dashboard.escalation_sla_notices</c>):
/// one per case, claimed like alerts and digests so two runs never both send it. Kept apart from the case itself, so a claim
/// never changes the case's row version (staff closing it at that moment would see a false conflict).
/// </summary>
public sealed class EscalationSlaNotice : ITenantOwned
{
    public long CaseId { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>A run took the message to send it (and has not finished); a claim older than the claim timeout was left by a dead run.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>Telegram said ok: never sent again.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Why nothing was sent (no bot token, no chat, Telegram refused).</summary>
    public string? Note { get; set; }
}
