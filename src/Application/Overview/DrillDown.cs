using AgentP.Application.Sessions;
using AgentP.Domain.Common;

namespace AgentP.Application.Overview;

/// <summary>
/// Links from an Overview figure to the dialogs behind it: <c>/sessions</c> filtered to a range of salon-local days (a
/// report's period, or one chart point's day, week or month) and the figure's own filter. The list counts what matches
/// with the collector's definitions, so its count equals the figure (docs/architecture.md §5; <c>DrillDownTests</c> and
/// <c>TopListsPerSalonTests</c> check each filter against its figure): the map lives here, beside the figures it mirrors. The scope is the page's own:
/// a salon's admin drills into the salon, the all-salons view into every salon, so no salon goes into the link unless a
/// figure belongs to one salon of the all-salons view (<paramref name="salon"/> of <see cref="Sessions"/>).
/// </summary>
public static class DrillDown
{
    public static readonly SessionFilter Dialogs = new();
    public static readonly SessionFilter Bookings = new(Booked: "yes");
    public static readonly SessionFilter Escalated = new(Escalated: "yes");
    /// <summary>The booked dialogs whose client came, by YClients (attendance).</summary>
    public static readonly SessionFilter Attended = new(Attended: "yes");
    /// <summary>The booked dialogs whose client did not come, by YClients (no-shows).</summary>
    public static readonly SessionFilter NoShows = new(Attended: "no");
    /// <summary>The dialogs the bot handled alone: not escalated (containment).</summary>
    public static readonly SessionFilter Contained = new(Escalated: "no");

    /// <summary><c>/sessions?from=…&amp;to=…</c> and the filter's other values (its own From/To are ignored).</summary>
    public static string Sessions(DateOnly from, DateOnly to, SessionFilter? filter = null, Guid? salon = null)
    {
        var f = filter ?? Dialogs;
        var values = new (string Key, string? Value)[]
        {
            ("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("status", f.Status), ("channel", f.Channel), ("booked", f.Booked), ("intent", f.Intent), ("sentiment", f.Sentiment),
            ("stage", f.Stage), ("service", f.Service), ("staff", f.Staff), ("escalated", f.Escalated), ("attended", f.Attended), ("word", f.Word), ("after_hours", f.AfterHours), ("q", f.Q), ("salon", salon?.ToString("D")),
        };
        return "/sessions?" + string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    /// <summary>A funnel bar (in the order of <see cref="OverviewTotals.Funnel"/>): all dialogs, those past each stage, the booked.</summary>
    public static SessionFilter FunnelStage(int index) => index switch
    {
        0 => Dialogs,
        >= 1 and <= 4 => new(Stage: SessionFilter.PastPrefix + ((DropOffStage)(index - 1)).ToCode()),
        _ => Bookings,
    };

    /// <summary>The dialogs started outside the salon's opening hours (the bot's value: after-hours dialogs).</summary>
    public static readonly SessionFilter AfterHours = new(AfterHours: "yes");

    /// <summary>The booked ones of those (after-hours bookings).</summary>
    public static readonly SessionFilter AfterHoursBookings = new(Booked: "yes", AfterHours: "yes");

    /// <summary>The funnel's completed dialogs: no drop-off stage, or ended <c>done</c>.</summary>
    public static readonly SessionFilter Completed = new(Stage: SessionFilter.Completed);

    /// <summary>The dialogs whose <c>final_intent</c> is this one (a cell of intents over time).</summary>
    public static SessionFilter Intent(string intent) => new(Intent: intent);

    /// <summary>The dialogs dropped at a stage whose clients wrote a term ("what clients wrote before they left").</summary>
    public static SessionFilter Word(DropOffStage stage, string term) => new(Stage: stage.ToCode(), Word: term);

    /// <summary>The dialogs dropped at a stage (the revenue lost at it).</summary>
    public static SessionFilter DroppedAt(DropOffStage stage) => new(Stage: stage.ToCode());

    /// <summary>The booked dialogs that mentioned a service (a top service's bookings).</summary>
    public static SessionFilter Service(string name) => new(Booked: "yes", Service: name);

    /// <summary>The booked dialogs with a staff member (a top staff member's bookings).</summary>
    public static SessionFilter Staff(string name) => new(Booked: "yes", Staff: name);

    public static SessionFilter Channel(Channel channel) => new(Channel: channel.ToCode());

    public static SessionFilter Sentiment(Sentiment sentiment) => new(Sentiment: sentiment.ToCode());

    /// <summary>
    /// The dialogs behind a KPI card of the Overview, and the count they add up to: a rate links to the dialogs it counts
    /// (conversion and revenue to the bookings, the escalation rate to the escalated, the response time to every dialog).
    /// </summary>
    public static (SessionFilter Filter, long Count)? Kpi(string id, OverviewTotals totals) => id switch
    {
        "dialogs" or "response" => (Dialogs, totals.Dialogs),
        "bookings" or "conversion" or "revenue" => (Bookings, totals.Bookings),
        "escalation" => (Escalated, totals.Escalated),
        "containment" => (Contained, totals.Dialogs - totals.Escalated),
        _ => null,
    };
}
