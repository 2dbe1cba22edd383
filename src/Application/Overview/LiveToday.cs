using AgentP.Application.Common;
using AgentP.Application.Metrics;
using AgentP.Domain.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Overview;

/// <summary>
/// Today's figures, computed live from <c>public</c> by the collector's SQL (one salon, or every salon for a null scope)
/// and reused for <see cref="DashboardOptions.LiveTodaySeconds"/>: the only part of the Overview and Platform pages that
/// reads raw dialogs and messages. The rows are never changed after they are computed.
/// </summary>
public sealed class LiveToday(IDailyMetricsCollector metrics, TenantTimeZones zones, IMemoryCache cache, IOptions<DashboardOptions> options)
{
    public async Task<IReadOnlyList<DailyMetrics>> RowsAsync(Guid? scope, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seconds = options.Value.LiveTodaySeconds;
        if (seconds <= 0) return await metrics.ComputeAsync(today, today, scope, zones.Default.Id, now, cancellationToken);
        var key = (nameof(LiveToday), scope, today);
        if (cache.TryGetValue(key, out IReadOnlyList<DailyMetrics>? rows) && rows is not null) return rows;
        rows = await metrics.ComputeAsync(today, today, scope, zones.Default.Id, now, cancellationToken);
        cache.Set(key, rows, TimeSpan.FromSeconds(seconds));
        return rows;
    }
}
