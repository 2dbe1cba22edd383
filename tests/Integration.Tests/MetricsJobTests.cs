using AgentP.Application.Metrics;
using AgentP.Infrastructure.Jobs;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AgentP.Integration.Tests;

public sealed class MetricsJobFixture : AppFixture
{
    public Guid Salon { get; private set; }
    public Guid Client { get; private set; }
    public Guid Quiet { get; private set; }

    protected override async Task SeedAsync()
    {
        // The clock says 2026-11-23 12:00 in Moscow: the last closed day is the 22nd.
        Salon = await Db.Bot.TenantAsync("Салон «Догоняем»");
        Quiet = await Db.Bot.TenantAsync("Салон без диалогов");
        Client = await Db.Bot.ClientAsync(Salon);
        foreach (var day in new[] { 18, 20, 22 })
            await Db.Bot.SessionAsync(Salon, Client, new DateTimeOffset(2026, 11, day, 10, 0, 0, TimeSpan.Zero));
        await Db.Bot.SessionAsync(Salon, Client, App.Clock.GetUtcNow().AddHours(-1)); // today: not closed, not collected
    }
}

/// <summary>The hourly job: its schedule in the clustered store, catch-up of missing days, re-collection of the last one.</summary>
public sealed class MetricsJobTests(MetricsJobFixture fixture) : IClassFixture<MetricsJobFixture>
{
    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private Task<string> DaysAsync() => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(to_char(day, 'DD') || ':' || dialogs_started, ' ' ORDER BY day), '')
        FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Salon}'
        """);

    [Fact]
    public async Task The_job_is_scheduled_hourly_in_the_shared_store()
    {
        var scheduler = await fixture.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(CollectMetricsJob.HourlyTrigger));

        Assert.Equal(CollectMetricsJob.Key, trigger.JobKey);
        Assert.Equal("0 5 * * * ?", trigger.CronExpressionString);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 11, 23, 9, 10, 0, TimeSpan.Zero)));
        Assert.True((await scheduler.GetJobDetail(CollectMetricsJob.Key))!.Durable);
        // Stored in our schema, where every instance sees it.
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.qrtz_cron_triggers WHERE trigger_name = 'collect-metrics-hourly'"));
    }

    [Fact]
    public async Task Missing_closed_days_are_caught_up_and_the_last_closed_day_is_collected_again()
    {
        await SendAsync(new CollectDailyMetrics(new(2026, 11, 18), new(2026, 11, 19), fixture.Salon));
        Assert.Equal("18:1 19:0", await DaysAsync());

        var first = await SendAsync(new CollectMissingMetrics());
        Assert.Empty(first.Errors);
        Assert.Equal("18:1 19:0 20:1 21:0 22:1", await DaysAsync()); // from the first dialog to yesterday; today stays live
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Quiet}'"));

        // The bot writes a dialog of the 22nd late; the next run picks it up and touches nothing else.
        await fixture.Db.Bot.SessionAsync(fixture.Salon, fixture.Client, new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero));
        await fixture.Db.SealPublicAsync();
        var second = await SendAsync(new CollectMissingMetrics());
        Assert.Equal(1, second.Days);
        Assert.Equal("18:1 19:0 20:1 21:0 22:2", await DaysAsync());
    }
}
