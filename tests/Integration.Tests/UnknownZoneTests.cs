using System.Net;
using AgentP.Application.Metrics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>Salon C's zone written by SQL as one PostgreSQL does not know (the settings form refuses it; SQL does not).</summary>
public sealed class UnknownZoneFixture : SalonsFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Db.ExecuteAsync($"UPDATE dashboard.tenant_settings SET time_zone = 'Mars/Olympus' WHERE tenant_id = '{SalonC}'");
    }
}

/// <summary>
/// A zone PostgreSQL does not know counts as the default in every statement, as it does in C#: the pages that count salon-local
/// days in SQL (the Overview's heatmap and today's figures, the platform, retention) and the collector answer, none with a 500.
/// </summary>
public sealed class UnknownZoneTests(UnknownZoneFixture fixture) : IClassFixture<UnknownZoneFixture>
{
    [Theory]
    [InlineData("admin-c@test.local", "/")]
    [InlineData("admin-c@test.local", "/retention")]
    [InlineData("admin-c@test.local", "/sessions?from=2026-11-01&to=2026-11-23")]
    [InlineData("root@test.local", "/")]
    [InlineData("root@test.local", "/platform")]
    [InlineData("root@test.local", "/retention")]
    public async Task Pages_answer_with_a_salons_zone_postgresql_does_not_know(string user, string url)
    {
        using var client = await fixture.App.SignedInAsync(user, SalonsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_collector_counts_that_salon_in_the_default_zone()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 20), new(2026, 11, 22)));
        Assert.Null(result.Error);
        // Salon C's dialog of 23:00 on the 22nd in Los Angeles is 07:00 on the 23rd in Moscow, the default: not on the 22nd.
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>(
            $"SELECT coalesce(sum(dialogs_started), 0) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonC}' AND day = '2026-11-22'"));
    }
}
