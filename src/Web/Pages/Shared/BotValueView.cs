using AgentP.Application.Overview;

namespace AgentP.Web.Pages.Shared;

/// <summary>The Overview's block on what the bot is worth (<c>_BotValue</c>): the range's figures and each period's, from the one report.</summary>
public sealed record BotValueView(BotValue Value, ReportPeriod Period, string Grouping, IReadOnlyList<OverviewPeriod> Periods)
{
    public static BotValueView? Of(OverviewReport report) =>
        report.Value is { } value ? new BotValueView(value, report.Period, report.Grouping, report.Periods) : null;
}
