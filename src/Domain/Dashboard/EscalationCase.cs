using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A dialog the bot handed to a human (<c>dashboard.conversations</c>), worked by salon staff.</summary>
public sealed class EscalationCase : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string ClientId { get; set; } = "";
    /// <summary>The latest escalated <c>conversation_sessions_v2.id</c> of this case.</summary>
    public long? SessionId { get; set; }
    public EscalationStatus Status { get; set; } = EscalationStatus.Active;
    public bool Escalated { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? EscalationReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosureReason { get; set; }
    public long? ClosedBy { get; set; }
    public DateTimeOffset? LastMessageAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
