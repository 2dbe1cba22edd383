using AgentP.Application.Overview;
using AgentP.Application.Tenants;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Platform;

/// <summary>The Platform page's report for a validated request: what <see cref="GetPlatform"/> shows and <see cref="ExportPlatform"/> exports.</summary>
public sealed class PlatformReports(IDashboardDb db, SalonDirectory choices, TenantTimeZones zones, ReportCache reports, PlatformPercentiles percentiles,
    TimeProvider clock)
{
    public async Task<PlatformReport> BuildAsync(GetPlatform request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = LocalDay.Of(now, zones.Default);
        var period = ReportPeriod.Resolve(request.Range, request.From, request.To, today);
        var previous = period.Previous;

        var tenants = await choices.AllAsync(cancellationToken);
        // Only the counts: the side-by-side table shows no top lists, and their jsonb is most of a row's weight.
        var collected = await reports.CollectedAtAsync(ct => db.MetricsDailies.MaxAsync(m => (DateTimeOffset?)m.UpdatedAt, ct), cancellationToken);
        var rows = (await reports.ClosedDaysAsync(nameof(GetPlatform), previous.From, period.To, collected, async ct =>
            await db.MetricsDailies.AsNoTracking()
                .Where(m => m.Day >= previous.From && m.Day <= period.To && m.Day < today)
                .Select(m => new DailyMetrics
                {
                    TenantId = m.TenantId, Day = m.Day, DialogsStarted = m.DialogsStarted, Bookings = m.Bookings,
                    TotalRevenue = m.TotalRevenue, Escalated = m.Escalated, Dropped = m.Dropped,
                    AvgResponseMs = m.AvgResponseMs, AnsweredMessages = m.AnsweredMessages,
                })
                .ToListAsync(ct), cancellationToken)).ToList();
        if (period.Contains(today))
            rows.AddRange(await reports.TodayAsync(null, today, now, cancellationToken));
        var byTenant = rows.ToLookup(r => r.TenantId);

        var salons = tenants.Select(t => new SalonRow(t.Id, t.Name, t.IsActive,
            OverviewTotals.Of(byTenant[t.Id].Where(r => period.Contains(r.Day))),
            OverviewTotals.Of(byTenant[t.Id].Where(r => previous.Contains(r.Day))))).ToList();
        // Each active salon among the platform's active salons with dialogs, as a salon admin sees its own (PlatformPercentiles:
        // collected days, so today's live rows of the table do not move a place until they are collected).
        var figures = await percentiles.FiguresAsync(period.From, period.To, collected, cancellationToken);
        salons = salons.Select(s => s with { Percentiles = s.IsActive ? SalonPercentiles.Of(s.TenantId, figures) : null }).ToList();

        var sort = request.Sort ?? "dialogs";
        Func<SalonRow, object> key = sort switch
        {
            "name" => s => s.Name,
            "bookings" => s => s.Current.Bookings,
            "conversion" => s => s.Current.Conversion,
            "containment" => s => s.Current.Containment,
            "revenue" => s => s.Current.Revenue,
            "trend" => s => s.DialogsTrend ?? decimal.MinValue,
            _ => s => s.Current.Dialogs,
        };
        var ordered = (request.Descending ? salons.OrderByDescending(key) : salons.OrderBy(key)).ThenBy(s => s.Name).ToList();
        return new PlatformReport(request.From is null ? request.Range ?? ReportPeriod.DefaultRange : null, period, sort, request.Descending,
            ordered, OverviewTotals.Of(rows.Where(r => period.Contains(r.Day))));
    }
}
