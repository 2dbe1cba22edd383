using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// A dialog the bot handed to a human (<c>dashboard.conversations</c>), worked by salon staff. One case per client
/// while it is open; the same client escalating again within <see cref="ReopenWindow"/> of its resolution reopens it.
/// </summary>
public sealed class EscalationCase : ITenantOwned
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromHours(24);
    public const int MaxReasonLength = 1000;

    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string ClientId { get; set; } = "";
    /// <summary>The latest escalated <c>conversation_sessions_v2.id</c> of this case.</summary>
    public long? SessionId { get; set; }
    public EscalationStatus Status { get; set; } = EscalationStatus.Active;
    public bool Escalated { get; set; }
    /// <summary>The first escalation of the case.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? EscalationReason { get; set; }
    /// <summary>Since when the client waits: the first escalation, or the latest reopening.</summary>
    public DateTimeOffset? WaitingSince { get; set; }
    public int ReopenCount { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosureReason { get; set; }
    public long? ClosedBy { get; set; }
    /// <summary>When the latest escalated dialog of the case ended.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// PostgreSQL's row version (<c>xmin</c>): a save of a case someone else changed since it was read fails instead of
    /// overwriting (the sync adding an escalation to a case staff have just resolved).
    /// </summary>
    public uint Version { get; set; }

    public static EscalationCase Open(Guid tenantId, Guid clientId, long sessionId, DateTimeOffset escalatedAt, string? reason, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        ClientId = clientId.ToString(),
        SessionId = sessionId,
        Status = EscalationStatus.Active,
        Escalated = true,
        EscalatedAt = escalatedAt,
        WaitingSince = escalatedAt,
        EscalationReason = reason,
        LastMessageAt = escalatedAt,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Whether another escalation of this client at <paramref name="escalatedAt"/> belongs to this case.</summary>
    public bool Takes(DateTimeOffset escalatedAt) =>
        Status != EscalationStatus.Resolved || (ClosedAt is { } closed && escalatedAt - closed <= ReopenWindow);

    /// <summary>Adds a later escalation of the same client; a resolved case opens again and waits from now on.</summary>
    public void Add(long sessionId, DateTimeOffset escalatedAt, string? reason, DateTimeOffset now)
    {
        if (!Takes(escalatedAt)) throw new InvalidOperationException("This escalation starts a new case.");
        if (Status == EscalationStatus.Resolved)
        {
            Status = EscalationStatus.Active;
            ReopenCount++;
            WaitingSince = escalatedAt;
            ClosedAt = null;
            ClosedBy = null;
            ClosureReason = null;
        }
        if (LastMessageAt is null || escalatedAt >= LastMessageAt)
        {
            SessionId = sessionId;
            LastMessageAt = escalatedAt;
            EscalationReason = reason ?? EscalationReason;
        }
        UpdatedAt = now;
    }

    /// <summary>Closes the case; false when it already was (a double submit changes nothing).</summary>
    public bool Resolve(string reason, long? by, DateTimeOffset now)
    {
        if (Status == EscalationStatus.Resolved) return false;
        Status = EscalationStatus.Resolved;
        ClosureReason = reason;
        ClosedBy = by;
        ClosedAt = now;
        UpdatedAt = now;
        return true;
    }
}
