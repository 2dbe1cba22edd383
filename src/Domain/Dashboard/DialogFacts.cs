using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// What the dashboard derives once per bot dialog (<c>conversation_sessions_v2</c>, an archive row written when the
/// dialog ends): whose it is, and its answered user messages with their summed response time. The bot's tables have no
/// index on the client and the dashboard may not add one, and response times need every message of the dialog in
/// order — so without this a client's dialogs cost a pass over the salon's history, and every metrics collection
/// would re-read the messages of every dialog it covers.
/// </summary>
public sealed class DialogFacts : ITenantOwned
{
    public long SessionId { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>User messages followed by an assistant message in the same dialog.</summary>
    public int Answered { get; set; }

    /// <summary>The sum, over those, of the time to the first assistant message after each (ms; docs/architecture.md §5 avg_response_ms).</summary>
    public decimal ResponseMsTotal { get; set; }
}
