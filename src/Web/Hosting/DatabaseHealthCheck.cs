using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentP.Web.Hosting;

/// <summary>
/// Ready = the database answers (within the connection timeout), and the app's role does not inherit its search role:
/// that role's policy shows every salon's searchable rows, so a role altered to inherit it after the migration checked
/// (PostgreSQL 15 keeps inheritance on the role, not the grant) must not take traffic (docs/architecture.md §6).
/// </summary>
public sealed class DatabaseHealthCheck(DashboardDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database does not answer.");
        var inherits = await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = current_user || '_search' AND pg_has_role(current_user, r.oid, 'USAGE')) AS "Value"
            """).SingleAsync(cancellationToken);
        return inherits
            ? HealthCheckResult.Unhealthy("The app role inherits its search role, whose policy shows every salon: run build/sql/app-role.sql again (it makes the app role NOINHERIT).")
            : HealthCheckResult.Healthy();
    }
}
