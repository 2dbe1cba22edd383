using AgentP.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

public static class SchedulerRegistration
{
    /// <summary>
    /// Quartz with the clustered ADO job store in schema <c>dashboard</c> (tables provisioned by Quartz): several app
    /// instances share one schedule and each job fires once. With <c>Dashboard:RunJobs</c> false the schedule is
    /// configured but not started in this process (tests, maintenance instances, the command line).
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, bool runJobs, TimeSpan startupCollectionDelay)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "AgentP";
                // Each instance its own id in the cluster (host name + ticks): two with one id would each think the other's triggers are its own.
                o.GenerateInstanceId = true;
                // A stopping instance cancels its running jobs' tokens and then waits for them: a collection stops at once
                // (its chunk in flight rolls back) instead of running on past the stop.
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UsePersistentStore(store =>
            {
                // Resolved from IConfiguration when the scheduler is built, so the host's (or a test's) connection is used.
                store.UsePostgres(ds => ds.ConnectionStringName = DatabaseConnection.Name);
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "dashboard.qrtz_";
                    // The check-in and misfire threads may still be retrying an unreachable database when the process
                    // exits; as foreground threads they would keep it alive.
                    o.UseBackgroundThreads = true;
                });
                // Quartz owns the layout of its tables and creates the missing ones at start (the app role owns the schema).
                store.ProvisionSchema();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
            });
            q.AddJobListener<JobMetricsListener>();
            q.AddCronJob<CollectMetricsJob>(CollectMetricsJob.Key, CollectMetricsJob.HourlyTrigger, CollectMetricsJob.Schedule, "Collect missing daily metrics");
            // And once shortly after every start: days missed while no instance ran are filled without waiting for :05.
            q.AddTrigger(t => t.ForJob(CollectMetricsJob.Key).WithIdentity(CollectMetricsJob.StartupTrigger)
                .StartAt(DateTimeOffset.UtcNow.Add(startupCollectionDelay)));
            q.AddCronJob<SyncEscalationsJob>(SyncEscalationsJob.Key, SyncEscalationsJob.Trigger, SyncEscalationsJob.Schedule, "Escalated dialogs into the inbox");
            q.AddTrigger(t => t.ForJob(SyncEscalationsJob.Key).WithIdentity(SyncEscalationsJob.StartupTrigger).StartNow());
            q.AddCronJob<IndexDialogsJob>(IndexDialogsJob.Key, IndexDialogsJob.Trigger, IndexDialogsJob.Schedule, "Derive each new dialog's facts once");
            q.AddCronJob<VerifyBookingsJob>(VerifyBookingsJob.Key, VerifyBookingsJob.Trigger, VerifyBookingsJob.Schedule, "Ask YClients who came");
        });
        // Without the host service (Dashboard:RunJobs false) nothing touches the scheduler's tables at all.
        if (runJobs)
        {
            services.ConfigureAll<QuartzHostedServiceOptions>(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<SchedulerHostedService>();
        }
        return services;
    }

    /// <summary>A durable job on a UTC cron schedule; a firing missed while no instance ran happens once, at once.</summary>
    private static void AddCronJob<TJob>(this IQuartzBuilder q, JobKey job, TriggerKey trigger, string schedule, string description)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(job).StoreDurably().WithDescription(description));
        q.AddTrigger(t => t.ForJob(job).WithIdentity(trigger)
            .WithCronSchedule(schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
