using AgentP.Application.Common;
using Quartz;
using Quartz.Extensibility;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Counts every scheduled job run, with its outcome and duration, for <see cref="DashboardMetrics"/>.</summary>
public sealed class JobMetricsListener(DashboardMetrics metrics) : IJobListener
{
    public string Name => "job-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.JobRan(context.JobDetail.Key.Name, jobException is null, context.JobRunTime);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
