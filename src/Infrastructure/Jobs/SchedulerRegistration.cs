using AgentP.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

public static class SchedulerRegistration
{
    /// <summary>
    /// Quartz with the clustered ADO job store in schema <c>dashboard</c> (tables provisioned by Quartz): several app
    /// instances share one schedule and each job fires once. With <c>Dashboard:RunJobs</c> false the schedule is
    /// configured but not started in this process (tests, maintenance instances, the command line).
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, bool runJobs)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "AgentP";
                // Each instance its own id in the cluster (host name + ticks): two with one id would each think the other's triggers are its own.
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                // Resolved from IConfiguration when the scheduler is built, so the host's (or a test's) connection is used.
                store.UsePostgres(ds => ds.ConnectionStringName = DatabaseConnection.Name);
                store.ConfigureStore(o => o.TablePrefix = "dashboard.qrtz_");
                // Quartz owns the layout of its tables and creates the missing ones at start (the app role owns the schema).
                store.ProvisionSchema();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
            });
            q.AddJobListener<JobMetricsListener>();
            q.AddJob<CollectMetricsJob>(j => j.WithIdentity(CollectMetricsJob.Key).StoreDurably().WithDescription("Collect missing daily metrics"));
            q.AddTrigger(t => t.ForJob(CollectMetricsJob.Key).WithIdentity(CollectMetricsJob.HourlyTrigger)
                .WithCronSchedule(CollectMetricsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // And once shortly after every start: days missed while no instance ran are filled without waiting for :05.
            q.AddTrigger(t => t.ForJob(CollectMetricsJob.Key).WithIdentity(CollectMetricsJob.StartupTrigger)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30)));
            q.AddJob<SyncEscalationsJob>(j => j.WithIdentity(SyncEscalationsJob.Key).StoreDurably().WithDescription("Escalated dialogs into the inbox"));
            q.AddTrigger(t => t.ForJob(SyncEscalationsJob.Key).WithIdentity(SyncEscalationsJob.Trigger)
                .WithCronSchedule(SyncEscalationsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<IndexDialogsJob>(j => j.WithIdentity(IndexDialogsJob.Key).StoreDurably().WithDescription("Derive each new dialog's facts once"));
            q.AddTrigger(t => t.ForJob(IndexDialogsJob.Key).WithIdentity(IndexDialogsJob.Trigger)
                .WithCronSchedule(IndexDialogsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<VerifyBookingsJob>(j => j.WithIdentity(VerifyBookingsJob.Key).StoreDurably().WithDescription("Ask YClients who came"));
            q.AddTrigger(t => t.ForJob(VerifyBookingsJob.Key).WithIdentity(VerifyBookingsJob.Trigger)
                .WithCronSchedule(VerifyBookingsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        // Quartz's own host service starts the scheduler and, on shutdown, lets a running job finish (a collection chunk is one
        // transaction either way). Without it (Dashboard:RunJobs false) nothing touches the scheduler's tables at all.
        if (runJobs) services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
