using AgentP.Application.Common.Caching;
using AgentP.Application.Attention;
using AgentP.Application.Bookings;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Overview;

/// <summary>
/// The Overview for a range: a preset (<see cref="ReportPeriod.Presets"/>) or custom <c>from</c>/<c>to</c> days
/// (yyyy-MM-dd) in the salon's time zone. Closed days come from <c>metrics_dailies</c>; today is computed live.
/// </summary>
[Authorize]
public sealed record GetOverview(string? Range = null, string? From = null, string? To = null, Guid? TenantId = null)
    : IRequest<OverviewReport>, IAllowsAllTenants;

public sealed record OverviewReport(
    string? SalonName, string TimeZone, DateOnly Today, string? Range, ReportPeriod Period,
    OverviewTotals Current, OverviewTotals Previous, IReadOnlyList<OverviewDay> Days, DateTimeOffset? LastCollectedAt,
    EscalationFigures Escalations, bool YclientsConnected);

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

public sealed class GetOverviewHandler(
    IDashboardDb db, IPublicData bot, ITenantContext tenant, TenantTimeZones zones, ReportCache reports, AttentionCounter attention, ScopedCache cache,
    IYclients yclients, TimeProvider clock)
    : IRequestHandler<GetOverview, OverviewReport>
{
    public async Task<OverviewReport> Handle(GetOverview request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        string? salon = null;
        if (scope is { } id)
            salon = await cache.GetAsync(CacheTags.Salons, async ct =>
                await bot.Tenants.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Салон не найден."), cancellationToken, "salon-name");

        var zone = await zones.ForAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        var today = LocalDay.Of(now, zone);
        var period = ReportPeriod.Resolve(request.Range, request.From, request.To, today);
        var previous = period.Previous;

        // Closed days from the pre-aggregated table (the tenant filter scopes it), today live from public.
        var lastCollected = await reports.CollectedAtAsync(ct => db.MetricsDailies.MaxAsync(m => (DateTimeOffset?)m.UpdatedAt, ct), cancellationToken);
        var rows = (await reports.ClosedDaysAsync(nameof(GetOverview), previous.From, period.To, lastCollected, async ct =>
            await db.MetricsDailies.AsNoTracking().Where(m => m.Day >= previous.From && m.Day <= period.To && m.Day < today)
                .ToListAsync(ct), cancellationToken)).ToList();
        if (period.Contains(today))
            rows.AddRange(await reports.TodayAsync(scope, today, now, cancellationToken));
        var waiting = (await attention.CountAsync(cancellationToken)).WaitingEscalations;
        var resolved = await cache.GetAsync(CacheTags.Attention, ct => ResolvedAsync(period, zone, ct), cancellationToken, "resolved", period.From, period.To);
        // Attendance needs credentials: without them the page says "not connected" rather than showing zeros.
        var connected = yclients.IsConfigured && await cache.GetAsync(CacheTags.Salons, async ct =>
            (await bot.Tenants.Where(t => t.IsActive).Select(t => t.Metadata).ToListAsync(ct))
            .Any(m => !string.IsNullOrWhiteSpace(m.YclientsCompanyId) && !string.IsNullOrWhiteSpace(m.YclientsToken)), cancellationToken, "yclients-connected");

        return new OverviewReport(salon, zone.Id, today, request.From is null ? request.Range ?? ReportPeriod.DefaultRange : null, period,
            OverviewTotals.Of(rows.Where(r => period.Contains(r.Day))),
            OverviewTotals.Of(rows.Where(r => previous.Contains(r.Day))),
            OverviewDay.Of(rows.Where(r => period.Contains(r.Day)), period),
            lastCollected, new EscalationFigures(waiting, resolved.Count, resolved.Median), connected);
    }

    /// <summary>How many cases were resolved in the period, and the median time it took.</summary>
    private async Task<(int Count, TimeSpan? Median)> ResolvedAsync(ReportPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (from, to) = LocalDay.UtcRange(period.From, period.To, zone);
        var resolved = await db.EscalationCases
            .Where(c => c.Status == EscalationStatus.Resolved && c.ClosedAt >= from && c.ClosedAt < to && c.WaitingSince != null)
            .Select(c => new { c.ClosedAt, c.WaitingSince }).ToListAsync(cancellationToken);
        return (resolved.Count, EscalationFigures.Median(resolved.Select(c => c.ClosedAt!.Value - c.WaitingSince!.Value).ToList()));
    }
}
