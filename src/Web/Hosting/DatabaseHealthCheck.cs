using AgentP.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentP.Web.Hosting;

/// <summary>Ready = the database answers (within the connection timeout).</summary>
public sealed class DatabaseHealthCheck(DashboardDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
