using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Metrics;

/// <summary>
/// The set-based SQL behind the metrics (Infrastructure). <c>tenantId</c> null means every active salon of the unit of work's scope;
/// <c>zones</c> are the scope's (<see cref="Common.TenantTimeZones.ForScopeAsync"/>), the days each salon's local ones.
/// </summary>
public interface IDailyMetricsCollector
{
    /// <summary>Upserts the range's rows; one call is one transaction. Returns the rows written.</summary>
    Task<int> CollectAsync(DateOnly from, DateOnly to, Guid? tenantId, Common.ScopeZones zones, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The same rows, computed live and not stored (today's figures).</summary>
    Task<IReadOnlyList<DailyMetrics>> ComputeAsync(DateOnly from, DateOnly to, Guid? tenantId, Common.ScopeZones zones, DateTimeOffset now, CancellationToken cancellationToken);
}
