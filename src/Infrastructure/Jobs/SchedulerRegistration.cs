using AgentP.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using AgentP.Application.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

public static class SchedulerRegistration
{
    /// <summary>
    /// Quartz with the clustered ADO job store in schema <c>dashboard</c> (tables provisioned by Quartz): several app
    /// instances share one schedule and each job fires once. With <c>Dashboard:RunJobs</c> false the schedule is
    /// configured but not started in this process (tests, maintenance instances).
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "AgentP");
            q.UsePersistentStore(store =>
            {
                // Resolved from IConfiguration when the scheduler is built, so the host's (or a test's) connection is used.
                store.UsePostgres(ds => ds.ConnectionStringName = DatabaseConnection.Name);
                store.ConfigureStore(o => o.TablePrefix = "dashboard.qrtz_");
                // Quartz owns the layout of its tables and creates the missing ones at start (the app role owns the schema).
                store.ProvisionSchema();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
            });
            q.AddJob<CollectMetricsJob>(j => j.WithIdentity(CollectMetricsJob.Key).StoreDurably().WithDescription("Collect missing daily metrics"));
            q.AddTrigger(t => t.ForJob(CollectMetricsJob.Key).WithIdentity(CollectMetricsJob.HourlyTrigger)
                .WithCronSchedule(CollectMetricsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // And once shortly after every start: days missed while no instance ran are filled without waiting for :05.
            q.AddTrigger(t => t.ForJob(CollectMetricsJob.Key).WithIdentity(CollectMetricsJob.StartupTrigger)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30)));
            q.AddJob<SyncEscalationsJob>(j => j.WithIdentity(SyncEscalationsJob.Key).StoreDurably().WithDescription("Escalated dialogs into the inbox"));
            q.AddTrigger(t => t.ForJob(SyncEscalationsJob.Key).WithIdentity(SyncEscalationsJob.Trigger)
                .WithCronSchedule(SyncEscalationsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<VerifyBookingsJob>(j => j.WithIdentity(VerifyBookingsJob.Key).StoreDurably().WithDescription("Ask YClients who came"));
            q.AddTrigger(t => t.ForJob(VerifyBookingsJob.Key).WithIdentity(VerifyBookingsJob.Trigger)
                .WithCronSchedule(VerifyBookingsJob.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddHostedService<SchedulerHost>();
        return services;
    }

    /// <summary>Starts the shared scheduler when this instance runs jobs; on shutdown lets a running job finish.</summary>
    private sealed class SchedulerHost(ISchedulerFactory factory, IOptions<DashboardOptions> options) : IHostedService
    {
        private IScheduler? _scheduler;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.RunJobs) return;
            _scheduler = await factory.GetScheduler(cancellationToken);
            await _scheduler.Start(cancellationToken);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
