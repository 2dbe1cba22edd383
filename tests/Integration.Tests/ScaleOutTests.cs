using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentP.Application.Common;
using System.Net;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AgentP.Integration.Tests;

/// <summary>Two app instances on one database, both running the scheduler (as two production replicas do).</summary>
public sealed class TwoInstancesFixture : AppFixture
{
    public const string Password = "Two-hosts-2026";
    private static readonly Dictionary<string, string> RunJobs = new() { ["Dashboard:RunJobs"] = "true" };

    public DashboardApp Second { get; private set; } = null!;
    public Guid Salon { get; private set; }

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string>?>(RunJobs);

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон на двух серверах");
        await App.CreateUserAsync("admin@two.local", Password, Role.Admin, Salon);
        Second = new DashboardApp(Db, RunJobs);
        // Both hosts started, so both schedulers have joined the cluster.
        _ = App.Services;
        _ = Second.Services;
    }

    public override async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>A job that records which scheduler instance ran it, and can take its time (to be caught running at shutdown).</summary>
public sealed class RecordingJob : IJob
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Runs = new();
    public static readonly ConcurrentDictionary<string, DateTimeOffset> Finished = new();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.Trigger.Key.Name;
        Runs.GetOrAdd(name, _ => new()).Enqueue(context.Scheduler.SchedulerInstanceId);
        if (context.MergedJobDataMap.TryGetString("sleep_ms", out var sleep)) await Task.Delay(int.Parse(sleep!), CancellationToken.None);
        Finished[name] = DateTimeOffset.UtcNow;
    }
}

public sealed class ScaleOutTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private static async Task ScheduleAsync(DashboardApp app, string trigger, int sleepMs = 0)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<RecordingJob>().WithIdentity("job-" + trigger, "tests").UsingJobData("sleep_ms", sleepMs.ToString()).Build();
        // Quartz tells time by the app's TimeProvider, which tests freeze: "now" is the app's clock, not the wall clock.
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(trigger, "tests").StartAt(app.Clock.GetUtcNow()).Build());
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan limit)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (!done() && DateTimeOffset.UtcNow < until) await Task.Delay(100);
    }

    [Fact]
    public async Task Both_instances_join_one_cluster_and_each_firing_runs_exactly_once()
    {
        var ids = new List<string>();
        foreach (var app in new[] { fixture.App, fixture.Second })
            ids.Add((await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId);
        Assert.NotEqual(ids[0], ids[1]);
        var registered = await fixture.Db.ScalarAsync<string>("SELECT string_agg(instance_name, ',') FROM dashboard.qrtz_scheduler_state WHERE sched_name = 'AgentP'");
        Assert.All(ids, id => Assert.Contains(id, registered));

        // Each run is also counted once in the job-runs metric (the Quartz listener), by the instance that ran it.
        var counted = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DashboardMetrics.MeterName && instrument.Name == "agentp.job.runs") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "job") counted.Enqueue((string)tag.Value!);
        });
        listener.Start();

        var triggers = Enumerable.Range(0, 12).Select(i => $"once-{Guid.NewGuid():N}-{i}").ToList();
        foreach (var (trigger, i) in triggers.Select((t, i) => (t, i))) await ScheduleAsync(i % 2 == 0 ? fixture.App : fixture.Second, trigger);
        await WaitForAsync(() => triggers.All(RecordingJob.Finished.ContainsKey), TimeSpan.FromSeconds(40));
        // Give a duplicate the chance to show up before counting.
        await Task.Delay(1500);

        Assert.All(triggers, t => Assert.Single(RecordingJob.Runs[t]));
        Assert.All(triggers, t => Assert.Single(counted, job => job == "job-" + t));
    }

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_honoured_by_the_other()
    {
        using var login = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(login, "admin@two.local", TwoInstancesFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        // The keys that protect the cookie live in dashboard.data_protection_keys, shared by both instances.
        using var second = fixture.Second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions");
        request.Headers.Add("Cookie", cookie);
        using var answer = await second.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Салон на двух серверах", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lockout_on_one_instance_holds_on_the_other()
    {
        await fixture.App.CreateUserAsync("locked@two.local", TwoInstancesFixture.Password, Role.Staff, fixture.Salon);
        using var first = fixture.App.Browser();
        for (var i = 0; i < 5; i++) await DashboardApp.PostLoginAsync(first, "locked@two.local", "wrong-password-1");
        using var second = fixture.Second.Browser();
        var response = await DashboardApp.PostLoginAsync(second, "locked@two.local", TwoInstancesFixture.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.sign_in_lockouts l JOIN dashboard.users u ON u.id = l.user_id WHERE u.email = 'locked@two.local' AND l.locked_until IS NOT NULL"));
    }

    [Fact]
    public async Task Stopping_an_instance_lets_a_running_job_finish()
    {
        await using var third = new DashboardApp(fixture.Db, new Dictionary<string, string> { ["Dashboard:RunJobs"] = "true" });
        var scheduler = await third.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // Pause the other two so that this instance is the one that picks the job up.
        var others = new[] { fixture.App, fixture.Second };
        foreach (var app in others) await (await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();
        try
        {
            var trigger = $"slow-{Guid.NewGuid():N}";
            var job = JobBuilder.Create<RecordingJob>().WithIdentity("job-" + trigger, "tests").UsingJobData("sleep_ms", "2000").Build();
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(trigger, "tests").StartAt(third.Clock.GetUtcNow()).Build());
            await WaitForAsync(() => RecordingJob.Runs.ContainsKey(trigger), TimeSpan.FromSeconds(30));
            Assert.True(RecordingJob.Runs.ContainsKey(trigger), "the job started");
            Assert.False(RecordingJob.Finished.ContainsKey(trigger));

            var ran = RecordingJob.Runs[trigger].Single();
            Assert.Equal(await scheduler.GetSchedulerInstanceId(), ran);
            var stopping = DateTimeOffset.UtcNow;
            await third.DisposeAsync(); // the host stops: the scheduler waits for the running job
            Assert.True(RecordingJob.Finished.ContainsKey(trigger), $"the running job finished before the instance stopped (stopping took {DateTimeOffset.UtcNow - stopping}, scheduler {await scheduler.GetStatus()})");
        }
        finally
        {
            foreach (var app in others) await (await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Start();
        }
    }

    [Fact]
    public async Task A_collection_cancelled_mid_way_keeps_whole_chunks_only()
    {
        var client = await fixture.Db.Bot.ClientAsync(fixture.Salon);
        for (var d = 0; d < 70; d++) await fixture.Db.Bot.SessionAsync(fixture.Salon, client, new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(d));
        await fixture.Db.SealPublicAsync();

        using var stop = new CancellationTokenSource();
        var progress = new InlineProgress(_ => stop.Cancel()); // stop as soon as any chunk is in
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CollectDailyMetrics(new(2026, 1, 1), new(2026, 3, 31), fixture.Salon, progress), stop.Token));

        // Whichever of the first two chunks (run side by side) finished first stopped the collection; the other one was
        // either done too or rolled back, and the third never started. Never a part of a chunk.
        Assert.Contains(await fixture.Db.ScalarAsync<string>(
                $"SELECT concat_ws(' ', min(day), max(day), count(*)) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Salon}' AND day < '2026-06-01'"),
            new[] { "2026-01-01 2026-01-31 31", "2026-02-01 2026-03-03 31", "2026-01-01 2026-03-03 62" });
    }

    private sealed class InlineProgress(Action<MetricsChunk> report) : IProgress<MetricsChunk>
    {
        public void Report(MetricsChunk value) => report(value);
    }
}
