using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>
/// Quartz's own host service (it starts the scheduler once the app serves), with its stop bounded by the host's shutdown
/// timeout. Quartz bounds only its wait for running jobs by the host's token; what follows — handing a reserved trigger
/// back, recording a job's end — retries the job store until the database answers, which held a stopping process for as
/// long as PostgreSQL stayed away. When the time is up the instance stops without it: what it had reserved or was running
/// is recovered by another instance (or by this one's next start) once its check-ins stop, as after a crash.
/// </summary>
public sealed class SchedulerHostedService(IServiceProvider services, ILogger<SchedulerHostedService> logger) : IHostedLifecycleService
{
    private readonly QuartzHostedService _quartz = ActivatorUtilities.CreateInstance<QuartzHostedService>(services);

    public Task StartingAsync(CancellationToken cancellationToken) => _quartz.StartingAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => _quartz.StartAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => _quartz.StartedAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => _quartz.StoppingAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _quartz.StopAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The scheduler did not stop within the shutdown timeout (is the database reachable?); the instance stops without it");
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => _quartz.StoppedAsync(cancellationToken);
}
