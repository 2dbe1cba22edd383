using AgentP.Application.Overview;

namespace AgentP.Web.Pages.Shared;

/// <summary>The Overview's intents over time (<c>_IntentsOverTime</c>), from the one report.</summary>
public sealed record IntentsView(IntentTrend Trend, string Grouping)
{
    public static IntentsView? Of(OverviewReport report) =>
        report.Intents is { Intents.Count: > 0 } trend ? new IntentsView(trend, report.Grouping) : null;

    /// <summary>A period as the Overview's tables name it.</summary>
    public string Label(IntentPeriod p, bool chart = false) =>
        IndexModel.PeriodLabel(new OverviewPeriod(p.From, p.To, p.Partial, 0, 0, 0, 0, 0, 0), Grouping, chart);
}
