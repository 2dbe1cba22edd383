using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Overview;

/// <summary>
/// The Overview for a range: a preset (<see cref="ReportPeriod.Presets"/>) or custom <c>from</c>/<c>to</c> days
/// (yyyy-MM-dd) in the salon's time zone, grouped into periods (<see cref="ReportGrouping"/>; without <c>group</c>, the range's
/// length chooses). Closed days come from <c>metrics_dailies</c>; today is computed live.
/// </summary>
[Authorize]
public sealed record GetOverview(string? Range = null, string? From = null, string? To = null, Guid? TenantId = null, string? Group = null)
    : IRequest<OverviewReport>, IAllowsAllTenants;

public sealed record OverviewReport(
    string? SalonName, string TimeZone, DateOnly Today, string? Range, ReportPeriod Period,
    OverviewTotals Current, OverviewTotals Previous, string Grouping, IReadOnlyList<OverviewPeriod> Periods, DateTimeOffset? LastCollectedAt,
    EscalationFigures Escalations, bool YclientsConnected, TodayFigures? TodayFigures = null, DialogHeatmap? Heatmap = null,
    OverviewTotals? Compared = null, BotValue? Value = null, IntentTrend? Intents = null, Platform.SalonPercentiles? Rank = null,
    LeavingWordsReport? Words = null)
{
    /// <summary>
    /// What the changes against <see cref="Previous"/> are computed from: the period's closed days when it runs into today
    /// (<see cref="Previous"/> then holds as many days), else the whole period.
    /// </summary>
    public OverviewTotals ComparedCurrent => Compared ?? Current;
}

/// <summary>Clients waiting for a human now, and how long the cases resolved in the period took (median).</summary>
public sealed record EscalationFigures(int Waiting, int ResolvedInPeriod, TimeSpan? MedianToResolve)
{
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> spans)
    {
        if (spans.Count == 0) return null;
        var sorted = spans.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

public sealed class GetOverviewValidator : AbstractValidator<GetOverview>
{
    public GetOverviewValidator()
    {
        RuleFor(x => x.Range).Must(r => r is null || ReportPeriod.Presets.Contains(r))
            .WithMessage("Неизвестный период. Выберите один из предложенных.");
        RuleFor(x => x.Group).Must(g => g is null || ReportGrouping.All.Contains(g))
            .WithMessage("Неизвестная группировка. Выберите: по дням, по неделям или по месяцам.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
        RuleFor(x => x).Must(x => (x.From is null) == (x.To is null))
            .WithName("From").WithMessage("Укажите обе даты периода: «с» и «по».");
        When(x => ReportPeriod.TryParseDate(x.From, out _) && ReportPeriod.TryParseDate(x.To, out _), () =>
        {
            RuleFor(x => x).Must(x => Parse(x.From) <= Parse(x.To))
                .WithName("To").WithMessage("Дата «по» раньше даты «с».");
            RuleFor(x => x).Must(x => Parse(x.To).DayNumber - Parse(x.From).DayNumber < ReportPeriod.MaxDays)
                .WithName("To").WithMessage($"Период длиннее {ReportPeriod.MaxDays} дней. Выберите период покороче.");
        });
    }

    private static DateOnly Parse(string? text) => ReportPeriod.TryParseDate(text, out var d) ? d : default;
}

/// <summary>The whole page in one request: the report, with the heatmap of its period (the export needs no heatmap).</summary>
public sealed class GetOverviewHandler(OverviewReports reports, DialogHeatmaps heatmaps) : IRequestHandler<GetOverview, OverviewReport>
{
    public async Task<OverviewReport> Handle(GetOverview request, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(request.Range, request.From, request.To, request.Group, cancellationToken);
        return report with { Heatmap = await heatmaps.ForAsync(report.Period, cancellationToken) };
    }
}
