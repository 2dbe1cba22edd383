using AgentP.Infrastructure.Data;
using AgentP.TestSupport;
using AgentP.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AgentP.Integration.Tests;

/// <summary>
/// An app role that inherits its search role would see every salon's searchable rows: readiness says so and the instance
/// takes no traffic. Shown with a role of its own (the suite's app role is shared by every test and must stay NOINHERIT).
/// </summary>
public sealed class SearchRoleHealthTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Readiness_fails_when_the_app_role_inherits_its_search_role_and_passes_when_it_does_not()
    {
        var role = "rogue_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Db.ExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD 'rogue-pass' NOINHERIT;
            CREATE ROLE {role}_search NOLOGIN;
            GRANT {role}_search TO {role};
            GRANT CONNECT ON DATABASE "{fixture.Db.Name}" TO {role};
            """);
        try
        {
            Assert.Equal(HealthStatus.Healthy, await ReadinessAsync(role));
            await fixture.Db.ExecuteAsync($"ALTER ROLE {role} INHERIT");
            var result = await CheckAsync(role);
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("app-role.sql", result.Description);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await fixture.Db.ExecuteAsync($"""
                REVOKE CONNECT ON DATABASE "{fixture.Db.Name}" FROM {role}; DROP ROLE {role}_search; DROP ROLE {role};
                """);
        }
    }

    private async Task<HealthStatus> ReadinessAsync(string role) => (await CheckAsync(role)).Status;

    private async Task<HealthCheckResult> CheckAsync(string role)
    {
        var connection = new NpgsqlConnectionStringBuilder(fixture.Db.AppConnectionString) { Username = role, Password = "rogue-pass", Pooling = false };
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connection.ConnectionString).Options;
        await using var db = new DashboardDbContext(options);
        return await new DatabaseHealthCheck(db).CheckHealthAsync(new HealthCheckContext());
    }
}
