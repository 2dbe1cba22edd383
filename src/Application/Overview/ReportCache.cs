using AgentP.Application.Common;
using AgentP.Application.Metrics;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Overview;

/// <summary>
/// What the Overview and Platform pages are built from, <see cref="Reused"/> per scope (one salon, or every salon for a
/// null scope — never across scopes): today's rows, computed live from <c>public</c> by the collector's SQL (the only
/// raw-data query of those pages), the closed days read from <c>metrics_dailies</c>, when they were last collected, and
/// the period's other figures. A collection on this instance forgets them all at once (<see cref="Collected"/>); on
/// another instance they follow within that time. Rows are never changed once loaded.
/// </summary>
public sealed class ReportCache(IDailyMetricsCollector metrics, TenantTimeZones zones, Reused reused)
{
    public Task<IReadOnlyList<DailyMetrics>> TodayAsync(Guid? scope, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken) =>
        reused.GetAsync(nameof(ReportCache), ("today", scope, today), () => metrics.ComputeAsync(today, today, scope, zones.Default.Id, now, cancellationToken));

    /// <param name="report">Which page's rows (pages load different columns).</param>
    /// <param name="collectedAt">The scope's latest <c>metrics_dailies.updated_at</c>: a new collection is a new entry.</param>
    public Task<IReadOnlyList<DailyMetrics>> ClosedDaysAsync(string report, Guid? scope, DateOnly from, DateOnly to, DateTimeOffset? collectedAt,
        Func<Task<IReadOnlyList<DailyMetrics>>> load) =>
        reused.GetAsync(nameof(ReportCache), (report, scope, from, to, collectedAt), load);

    /// <summary>When the scope's figures were last collected: the closed days are reused under it.</summary>
    public Task<DateTimeOffset?> CollectedAtAsync(Guid? scope, Func<Task<DateTimeOffset?>> load) =>
        reused.GetAsync(nameof(ReportCache), ("collected", scope), load);

    /// <summary>Figures were collected here: every page reads them afresh.</summary>
    public static void Collected(Reused reused) => reused.Forget(nameof(ReportCache));

    /// <summary>Any other figure of a page for a scope and period (<paramref name="name"/> tells them apart).</summary>
    public Task<T> FigureAsync<T>(string name, Guid? scope, DateOnly from, DateOnly to, Func<Task<T>> load) =>
        reused.GetAsync(nameof(ReportCache), (name, scope, from, to), load);
}
