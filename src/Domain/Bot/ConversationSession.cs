using AgentP.Domain.Common;

namespace AgentP.Domain.Bot;

/// <summary>One archived dialog (<c>public.conversation_sessions_v2</c>).</summary>
public sealed class ConversationSession : ITenantOwned
{
    public long Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public Channel Channel { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int? DurationSec { get; init; }
    public SessionStatus FinalStatus { get; init; }
    public string? FinalIntent { get; init; }
    public string? FinalSummary { get; init; }
    public string? BookingId { get; init; }
    public string? BookingSource { get; init; }
    public string? BookingStatus { get; init; }
    public DateTimeOffset? BookingDatetime { get; init; }
    public decimal? BookingAmount { get; init; }
    public string? BookingCurrency { get; init; }
    public int? MessagesCount { get; init; }
    public int? AgentMessagesCount { get; init; }
    public int? UserMessagesCount { get; init; }
    public SessionMeta Meta { get; init; } = new();
    public string? Summary { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public Client? Client { get; init; }

    public bool IsBooked => BookingId is not null;
}

/// <summary>The documented keys of a session's <c>meta</c>; unknown keys are ignored, unknown values read as null.</summary>
public sealed record SessionMeta
{
    public Sentiment? Sentiment { get; init; }
    public DropOffStage? DropOffStage { get; init; }
    public IReadOnlyList<string> ServicesMentioned { get; init; } = [];
    public string? StaffName { get; init; }
    public string? StaffId { get; init; }
    public DateTimeOffset? AnalyzedAt { get; init; }
}
