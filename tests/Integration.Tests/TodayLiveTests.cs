using AgentP.Application.Settings;
using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>Closed days come from metrics_dailies, today from public: the Overview is never a day behind.</summary>
public sealed class TodayLiveTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Today_is_live_and_past_days_appear_once_collected()
    {
        // Salon A: 3 dialogs today (not collected, never stored) and 1 yesterday at 23:59 Moscow time.
        var before = await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"));
        Assert.Equal(3L, before.Current.Dialogs);
        Assert.Null(before.LastCollectedAt);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics());

        var after = await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"));
        Assert.Equal(4L, after.Current.Dialogs);
        Assert.Equal([0, 0, 0, 0, 0, 1, 3], after.Periods.Select(d => d.Dialogs));
        Assert.NotNull(after.LastCollectedAt);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.metrics_dailies WHERE day = '2026-11-23'"));
    }
}

public sealed class CachedTodayTests(CachingSalonsFixture fixture) : IClassFixture<CachingSalonsFixture>
{
    [Fact]
    public async Task Todays_figures_are_reused_for_a_while_and_never_across_salons()
    {
        Assert.Equal(3L, (await fixture.App.SendAs(fixture.AdminA, new GetOverview("today"))).Current.Dialogs);
        var client = await fixture.Db.Bot.ClientAsync(fixture.SalonA);
        await fixture.Db.Bot.SessionAsync(fixture.SalonA, client, fixture.App.Clock.GetUtcNow().AddMinutes(-1));
        await fixture.Db.SealPublicAsync();

        // Salon A's today was computed a moment ago: reused, so the new dialog shows within the reuse time, not at once.
        Assert.Equal(3L, (await fixture.App.SendAs(fixture.AdminA, new GetOverview("today"))).Current.Dialogs);
        // Salon B never gets salon A's figures, and the platform owner's "all salons" is its own entry.
        Assert.Equal(5L, (await fixture.App.SendAs(fixture.AdminB, new GetOverview("today"))).Current.Dialogs);
        Assert.Equal(11L, (await fixture.App.SendAs(fixture.SuperAdmin, new GetOverview("today"))).Current.Dialogs);
    }

    [Fact]
    public async Task Closed_days_are_read_again_as_soon_as_a_collection_has_run()
    {
        var before = await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"));
        Assert.Equal(0L, before.Periods.Single(d => d.From == new DateOnly(2026, 11, 22)).Dialogs); // not collected yet

        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics());

        var after = await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"));
        Assert.Equal(1L, after.Periods.Single(d => d.From == new DateOnly(2026, 11, 22)).Dialogs);
    }
}

/// <summary>When figures were last collected is reused too: another instance's collection shows within the reuse time.</summary>
public sealed class CachedCollectionTests(CachingSalonsFixture fixture) : IClassFixture<CachingSalonsFixture>
{
    [Fact]
    public async Task A_collection_on_another_instance_shows_within_the_reuse_time()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics());
        var before = await fixture.App.SendAs(fixture.AdminA, new GetOverview("30d"));

        // Another instance's collection, as this one would see it in the database: not read on every request.
        await fixture.Db.ExecuteAsync($"""
            SET app.tenant_id = 'system'; -- the row-level security's scope, as the other instance's job sets it
            UPDATE dashboard.metrics_dailies SET dialogs_started = dialogs_started + 7, updated_at = now() + interval '1 minute'
            WHERE tenant_id = '{fixture.SalonA}' AND day = '2026-11-22'
            """, asOwner: false);
        Assert.Equal(8, await fixture.Db.ScalarAsync<int>($"SELECT dialogs_started FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonA}' AND day = '2026-11-22'"));
        var after = await fixture.App.SendAs(fixture.AdminA, new GetOverview("30d"));
        Assert.Equal(before.Current.Dialogs, after.Current.Dialogs);
        Assert.Equal(before.LastCollectedAt, after.LastCollectedAt);
    }
}

/// <summary>A salon's time zone is reused like its figures, and forgotten as soon as its settings are saved here.</summary>
public sealed class CachedZoneTests(CachingSalonsFixture fixture) : IClassFixture<CachingSalonsFixture>
{
    [Fact]
    public async Task A_salons_zone_is_reused_and_a_saved_change_shows_at_once()
    {
        Assert.Equal("Europe/Moscow", (await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"))).TimeZone);

        // Changed behind this instance's back (as another instance would): reused for a while.
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at) VALUES ('{fixture.SalonA}', 'Asia/Yekaterinburg', 15, 50, 20, 5, true, now())");
        Assert.Equal("Europe/Moscow", (await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"))).TimeZone);
        Assert.Equal("Asia/Vladivostok", (await fixture.App.SendAs(fixture.AdminB, new GetOverview("7d"))).TimeZone); // never another salon's

        // Saved through the settings here: at once.
        await fixture.App.SendAs(fixture.AdminA, new UpdateSettings(new SettingsValues("Asia/Vladivostok", 15, 50, 20, 5, true, null)));
        Assert.Equal("Asia/Vladivostok", (await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"))).TimeZone);
    }
}
