using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// What the dashboard derives once per bot dialog (<c>conversation_sessions_v2</c>, an archive row written when the
/// dialog ends): whose it is, and its answered user messages with their summed response time. The bot's tables have no
/// index on the client and the dashboard may not add one, and response times need every message of the dialog in
/// order — so without this a client's dialogs cost a pass over the salon's history, and every metrics collection
/// would re-read the messages of every dialog it covers.
/// <para>It also keeps what the sessions list filters, shows and searches, copied once (the bot's archived dialog rows do
/// not change after they are written): so the list, its filters, counts and search read the dashboard's own indexed rows,
/// and the bot's table only above the index's mark. The meta keys are the collector's reading of them (a string, else none).</para>
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

    public Channel Channel { get; set; }
    public SessionStatus Status { get; set; }
    public string? Intent { get; set; }
    public int? DurationSec { get; set; }
    public int? MessagesCount { get; set; }
    public string? BookingId { get; set; }
    public decimal? BookingAmount { get; set; }
    public string? BookingCurrency { get; set; }

    /// <summary><c>meta.sentiment</c> when it is a string.</summary>
    public string? Sentiment { get; set; }

    /// <summary><c>meta.drop_off_stage</c> when it is a string.</summary>
    public string? Stage { get; set; }

    /// <summary>The strings of <c>meta.services_mentioned</c> when it is an array (what containment of a name matches).</summary>
    public List<string>? Services { get; set; }

    /// <summary>
    /// Who the staff filter matches: <c>meta.staff_name</c> when the key is there (a string, else nobody), else
    /// <c>meta.staff_id</c> (a string, or a whole number ≥ 0 as its digits).
    /// </summary>
    public string? Staff { get; set; }

    /// <summary>What the list shows: the summary, else the final summary.</summary>
    public string? Summary { get; set; }

    /// <summary>The final summary when the summary is set (the search reads both; this way neither is stored twice).</summary>
    public string? FinalSummary { get; set; }
}
