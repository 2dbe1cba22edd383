using AgentP.Application.Common;
using AgentP.Application.Metrics;
using AgentP.Domain.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Overview;

/// <summary>
/// The rows the Overview and Platform pages are built from, reused for up to <see cref="DashboardOptions.ReportCacheSeconds"/>
/// per scope (one salon, or every salon for a null scope — never across scopes):
/// today's, computed live from <c>public</c> by the collector's SQL (the only raw-data query of those pages), and the
/// closed days read from <c>metrics_dailies</c>, which are also dropped as soon as a collection has run. Rows are never
/// changed once loaded.
/// </summary>
public sealed class ReportCache(IDailyMetricsCollector metrics, TenantTimeZones zones, IMemoryCache cache, IOptions<DashboardOptions> options)
{
    public Task<IReadOnlyList<DailyMetrics>> TodayAsync(Guid? scope, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReuseAsync(("today", scope, today), () => metrics.ComputeAsync(today, today, scope, zones.Default.Id, now, cancellationToken));

    /// <param name="report">Which page's rows (pages load different columns).</param>
    /// <param name="collectedAt">The scope's latest <c>metrics_dailies.updated_at</c>: a new collection is a new entry.</param>
    public Task<IReadOnlyList<DailyMetrics>> ClosedDaysAsync(string report, Guid? scope, DateOnly from, DateOnly to, DateTimeOffset? collectedAt,
        Func<Task<IReadOnlyList<DailyMetrics>>> load) =>
        ReuseAsync((report, scope, from, to, collectedAt), load);

    private async Task<IReadOnlyList<DailyMetrics>> ReuseAsync(object key, Func<Task<IReadOnlyList<DailyMetrics>>> load)
    {
        var seconds = options.Value.ReportCacheSeconds;
        if (seconds <= 0) return await load();
        if (cache.TryGetValue(key, out IReadOnlyList<DailyMetrics>? rows) && rows is not null) return rows;
        rows = await load();
        cache.Set(key, rows, TimeSpan.FromSeconds(seconds));
        return rows;
    }
}
