using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>Salons whose days close at their own midnights: Moscow (UTC+3) and Vladivostok (UTC+10).</summary>
public sealed class ZonedMetricsJobFixture : AppFixture
{
    public Guid Moscow { get; private set; }
    public Guid Vladivostok { get; private set; }

    protected override async Task SeedAsync()
    {
        Moscow = await Db.Bot.TenantAsync("Салон в Москве");
        Vladivostok = await Db.Bot.TenantAsync("Салон во Владивостоке");
        await Db.ExecuteAsync($"""
            INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
            VALUES ('{Vladivostok}', 'Asia/Vladivostok', 15, 50, 20, 5, true, now())
            """);
        var moscowClient = await Db.Bot.ClientAsync(Moscow);
        var vladivostokClient = await Db.Bot.ClientAsync(Vladivostok);
        // Both salons: a dialog at 10:00 local on the 22nd and on the 23rd, and one on the 24th in Vladivostok (00:30 there).
        foreach (var day in new[] { 22, 23 })
        {
            await Db.Bot.SessionAsync(Moscow, moscowClient, new DateTimeOffset(2026, 11, day, 7, 0, 0, TimeSpan.Zero));
            await Db.Bot.SessionAsync(Vladivostok, vladivostokClient, new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero));
        }
        await Db.Bot.SessionAsync(Vladivostok, vladivostokClient, new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.Zero));
        // 15:00 UTC on the 23rd: 18:00 on the 23rd in Moscow, 01:00 on the 24th in Vladivostok.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    }
}

public sealed class ZonedMetricsJobTests(ZonedMetricsJobFixture fixture) : IClassFixture<ZonedMetricsJobFixture>
{
    private Task<string> DaysAsync(Guid salon) => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(to_char(day, 'DD') || ':' || dialogs_started, ' ' ORDER BY day), '')
        FROM dashboard.metrics_dailies WHERE tenant_id = '{salon}'
        """);

    [Fact]
    public async Task Each_salons_day_is_closed_at_its_own_midnight_and_its_open_day_is_not_collected()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics())).Errors);

        // Vladivostok's 23rd closed an hour ago; its 24th is open. Moscow's 23rd is still open.
        Assert.Equal("22:1 23:1", await DaysAsync(fixture.Vladivostok));
        Assert.Equal("22:1", await DaysAsync(fixture.Moscow));
    }
}
