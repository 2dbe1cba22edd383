using AgentP.Application.Metrics;
using AgentP.Application.Notifications;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Hourly: fill every missing closed day of metrics and refresh the last one (see <see cref="CollectMissingMetrics"/>).</summary>
[DisallowConcurrentExecution]
public sealed class CollectMetricsJob(IMediator mediator, ILogger<CollectMetricsJob> logger) : IJob
{
    public static readonly JobKey Key = new("collect-metrics", "metrics");
    public static readonly TriggerKey HourlyTrigger = new("collect-metrics-hourly", "metrics");
    public static readonly TriggerKey StartupTrigger = new("collect-metrics-on-start", "metrics");
    /// <summary>Five minutes past every hour: each salon's midnight, whatever its time zone, is caught within the hour.</summary>
    public const string Schedule = "0 5 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CollectMissingMetrics(), cancellationToken);
        logger.LogInformation("Metrics job: {Tenants} salons, {Days} days, {Rows} rows collected", result.Tenants, result.Days, result.Rows);
        // A failed chunk is rolled back and stays missing, so the next run retries it.
        foreach (var error in result.Errors) logger.LogError("Metrics collection failed for {Failure}", error);

        // Then the salons hear about it: new alerts and yesterday's digest (undelivered ones are retried next run).
        var sent = await mediator.Send(new SendNotifications(), cancellationToken);
        logger.LogInformation("Notifications: {Alerts} alerts and {Digests} digests sent, {Failed} not delivered", sent.Alerts, sent.Digests, sent.Failed);
    }
}
