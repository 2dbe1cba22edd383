using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using AgentP.Domain.Common;

namespace AgentP.Application.Retention;

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
        // A period or month not over yet (it holds today) is marked: its counts are still growing.
        var periods = ReportGrouping.Split(period, g, today)
            .Select(p => byPeriod.TryGetValue(ReportGrouping.StartOf(p.From, g), out var f)
                ? new RetentionPeriod(p.From, p.To, f.New, f.Returning, p.Partial) : new RetentionPeriod(p.From, p.To, 0, 0, p.Partial))
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
                return later.TryGetValue((month, k), out var c)
                    ? new RetentionCell(k, m, c.WithDialog, c.WithBooking, m == currentMonth) : new RetentionCell(k, m, 0, 0, m == currentMonth);
            }).ToList();
            cohorts.Add(new RetentionCohort(month, sizes.GetValueOrDefault(month), cells));
        }
        return new RetentionReport(zone.Id, today, period.From, period.To, g, periods, cohorts);
    }
}
