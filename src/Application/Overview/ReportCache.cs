using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Metrics;
using AgentP.Domain.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application.Overview;

/// <summary>
/// What the Overview and Platform pages are built from, cached for the unit of work's scope (<see cref="ScopedCache"/>):
/// today's rows, computed live from <c>public</c> by the collector's SQL (the only raw-data query of those pages), the
/// closed days read from <c>metrics_dailies</c>, when they were last collected, and the period's other figures. A
/// collection (<see cref="CacheTags.Figures"/>) makes them old on this instance at once; on another they follow within the
/// cache's time. Rows are never changed once loaded.
/// </summary>
public sealed class ReportCache(TenantTimeZones zones, ScopedCache cache)
{
    /// <param name="tenantId">The scope's one salon, or null for every salon the scope sees.</param>
    public async Task<IReadOnlyList<DailyMetrics>> TodayAsync(Guid? tenantId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each salon's zone from the one source, as a value (a salon that moves to another zone is a new key).
        var scopeZones = await zones.ForScopeAsync(tenantId, cancellationToken);
        return await cache.GetAsync(CacheTags.Figures, (today, tenantId, Zones: scopeZones, now), static (services, s, ct) =>
            services.GetRequiredService<IDailyMetricsCollector>().ComputeAsync(s.today, s.today, s.tenantId, s.Zones, s.now, ct),
            cancellationToken, "today", today, scopeZones.Default.Id, scopeZones.Key);
    }

    /// <param name="report">Which page's rows (pages load different columns).</param>
    /// <param name="collectedAt">The scope's latest <c>metrics_dailies.updated_at</c>: a new collection is a new entry.</param>
    public Task<IReadOnlyList<DailyMetrics>> ClosedDaysAsync(string report, DateOnly from, DateOnly to, DateTimeOffset? collectedAt,
        Func<CancellationToken, Task<IReadOnlyList<DailyMetrics>>> load, CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.Figures, load, cancellationToken, report, from, to, collectedAt);

    /// <summary>When the scope's figures were last collected: the closed days are cached under it.</summary>
    public Task<DateTimeOffset?> CollectedAtAsync(Func<CancellationToken, Task<DateTimeOffset?>> load, CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.Figures, load, cancellationToken, "collected-at");
}
