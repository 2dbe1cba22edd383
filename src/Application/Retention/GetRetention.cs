using System.ComponentModel;
using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Dialogs;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Retention;

/// <summary>
/// Retention for a range of salon-local days (<c>from</c>/<c>to</c>, default the last six months to today) grouped by
/// <c>day</c>, <c>week</c> or <c>month</c> (default): per period the clients with a dialog, <b>new</b> when their first
/// dialog with the salon ever falls in the period, <b>returning</b> when they had one before; and monthly cohorts — the
/// clients whose first dialog fell in month M (each month the range touches), and the share of them with a dialog and
/// with a booking in M+1 … M+<see cref="CohortMonths"/>. First dialogs come from the client index (plus the dialogs
/// above its mark, live). Cached like the Overview's figures.
/// <para>The periods are the Overview's (<see cref="ReportGrouping"/>): days, ISO weeks or calendar months in the salon's zone.
/// In the all-salons view, as in the Overview's, the range and its periods are calendar dates (today is the default zone's)
/// and each salon counts them on its own clock: a dialog belongs to the period of its salon's local day, a client to the
/// cohort of the month of their first dialog in their salon's zone (issue 16).</para>
/// </summary>
[Authorize(Role.SuperAdmin, Role.Admin, Role.Staff)]
public sealed record GetRetention(string? From = null, string? To = null, string? Group = null, Guid? TenantId = null)
    : IRequest<RetentionReport>, IAllowsAllTenants
{
    public const int CohortMonths = 6;
}

[ImmutableObject(true)]
public sealed record RetentionReport(string TimeZone, DateOnly Today, DateOnly From, DateOnly To, string Group,
    IReadOnlyList<RetentionPeriod> Periods, IReadOnlyList<RetentionCohort> Cohorts);

/// <summary>A period of the range (clipped to it): clients with a dialog in it, new and returning.</summary>
[ImmutableObject(true)]
public sealed record RetentionPeriod(DateOnly Start, DateOnly End, int New, int Returning)
{
    public int Clients => New + Returning;
}

/// <summary>The clients whose first dialog fell in <see cref="Month"/> and, month by month after it, how many came back.</summary>
[ImmutableObject(true)]
public sealed record RetentionCohort(DateOnly Month, int Clients, IReadOnlyList<RetentionCell?> Later);

/// <summary>Month M+<see cref="Offset"/> of a cohort; null in the list while that month has not begun.</summary>
[ImmutableObject(true)]
public sealed record RetentionCell(int Offset, DateOnly Month, int WithDialog, int WithBooking);

public sealed class GetRetentionValidator : AbstractValidator<GetRetention>
{
    public GetRetentionValidator()
    {
        RuleFor(x => x.Group).Must(g => g is null || ReportGrouping.All.Contains(g))
            .WithMessage("Неизвестная группировка: выберите день, неделю или месяц.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
        RuleFor(x => x).Must(x => (x.From is null) == (x.To is null)).WithName("From").WithMessage("Укажите обе даты периода: «с» и «по».");
        When(x => ReportPeriod.TryParseDate(x.From, out _) && ReportPeriod.TryParseDate(x.To, out _), () =>
        {
            RuleFor(x => x).Must(x => Parse(x.From) <= Parse(x.To)).WithName("To").WithMessage("Дата «по» раньше даты «с».");
            RuleFor(x => x).Must(x => Parse(x.To).DayNumber - Parse(x.From).DayNumber < ReportPeriod.MaxDays)
                .WithName("To").WithMessage($"Период длиннее {ReportPeriod.MaxDays} дней. Выберите период покороче.");
        });
    }

    private static DateOnly Parse(string? text) => ReportPeriod.TryParseDate(text, out var d) ? d : default;
}

/// <summary>Retention's SQL (Infrastructure).</summary>
public interface IRetentionQueries
{
    /// <summary>
    /// Clients with a dialog per period (<paramref name="group"/>, clipped to the range) split into new and returning;
    /// the cohorts of the months <paramref name="firstMonth"/>…<paramref name="lastMonth"/>: their size, and per later month
    /// (1…<see cref="GetRetention.CohortMonths"/>) the clients with a dialog and with a booking. Each salon's days in its own
    /// zone (<paramref name="zones"/>): the dates are calendar dates that every salon reads on its own clock.
    /// </summary>
    Task<RetentionFigures> ComputeAsync(Guid? tenantId, ScopeZones zones, DateOnly from, DateOnly to, string group,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken);
}

/// <summary>What the SQL counts (cached, so records the cache can serialize).</summary>
[ImmutableObject(true)]
public sealed record RetentionFigures(IReadOnlyList<PeriodFigure> Periods, IReadOnlyList<CohortSize> Cohorts, IReadOnlyList<CohortLater> Later);

[ImmutableObject(true)]
public sealed record PeriodFigure(DateOnly Period, int New, int Returning);

[ImmutableObject(true)]
public sealed record CohortSize(DateOnly Month, int Clients);

[ImmutableObject(true)]
public sealed record CohortLater(DateOnly Month, int Offset, int WithDialog, int WithBooking);

public sealed class GetRetentionHandler(RetentionReports reports) : IRequestHandler<GetRetention, RetentionReport>
{
    public Task<RetentionReport> Handle(GetRetention request, CancellationToken cancellationToken) =>
        reports.BuildAsync(request.From, request.To, request.Group, cancellationToken);
}

/// <summary>The report behind the page and its CSV, cached per scope, range and grouping.</summary>
public sealed class RetentionReports(IRetentionQueries queries, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock, ScopedCache cache)
{
    public async Task<RetentionReport> BuildAsync(string? from, string? to, string? group, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var scopeZones = await zones.ForScopeAsync(scope, cancellationToken);
        var zone = scopeZones.Default;
        var today = LocalDay.Of(clock.GetUtcNow(), zone);
        var g = group ?? "month";
        var period = ReportPeriod.TryParseDate(from, out _) && ReportPeriod.TryParseDate(to, out _)
            ? ReportPeriod.Resolve(null, from, to, today)
            : new ReportPeriod(new DateOnly(today.Year, today.Month, 1).AddMonths(-5), today);
        var firstMonth = new DateOnly(period.From.Year, period.From.Month, 1);
        var lastMonth = new DateOnly(period.To.Year, period.To.Month, 1);
        var figures = await cache.GetAsync(CacheTags.ClientIndex,
            ct => queries.ComputeAsync(scope, scopeZones, period.From, period.To, g, firstMonth, lastMonth, ct), cancellationToken,
            "retention", zone.Id, scopeZones.Key, period.From, period.To, g, today);

        var byPeriod = figures.Periods.ToDictionary(p => p.Period);
        var periods = ReportGrouping.Split(period, g)
            .Select(p => byPeriod.TryGetValue(ReportGrouping.StartOf(p.From, g), out var f)
                ? new RetentionPeriod(p.From, p.To, f.New, f.Returning) : new RetentionPeriod(p.From, p.To, 0, 0))
            .ToList();
        var sizes = figures.Cohorts.ToDictionary(c => c.Month, c => c.Clients);
        var later = figures.Later.ToDictionary(c => (c.Month, c.Offset));
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        var cohorts = new List<RetentionCohort>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var cells = Enumerable.Range(1, GetRetention.CohortMonths).Select(k =>
            {
                var m = month.AddMonths(k);
                if (m > currentMonth) return null;
                return later.TryGetValue((month, k), out var c) ? new RetentionCell(k, m, c.WithDialog, c.WithBooking) : new RetentionCell(k, m, 0, 0);
            }).ToList();
            cohorts.Add(new RetentionCohort(month, sizes.GetValueOrDefault(month), cells));
        }
        return new RetentionReport(zone.Id, today, period.From, period.To, g, periods, cohorts);
    }
}
