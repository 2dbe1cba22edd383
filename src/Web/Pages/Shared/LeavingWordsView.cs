using AgentP.Application.Overview;

namespace AgentP.Web.Pages.Shared;

/// <summary>The Overview's "what clients wrote before they left" (<c>_LeavingWords</c>), from the one report.</summary>
public sealed record LeavingWordsView(LeavingWordsReport Words, ReportPeriod Period)
{
    public static LeavingWordsView? Of(OverviewReport report) =>
        report.Words is { } words && words.Stages.Any(s => s.Terms.Count > 0) ? new LeavingWordsView(words, report.Period) : null;
}
