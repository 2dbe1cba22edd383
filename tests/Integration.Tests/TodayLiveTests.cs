using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>Closed days come from metrics_dailies, today from public: the Overview is never a day behind.</summary>
public sealed class TodayLiveTests(TwoSalonsFixture fixture) : IClassFixture<TwoSalonsFixture>
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
        Assert.Equal([0, 0, 0, 0, 0, 1, 3], after.Days.Select(d => d.Dialogs));
        Assert.NotNull(after.LastCollectedAt);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.metrics_dailies WHERE day = '2026-11-23'"));
    }
}
