using AgentP.Application.Escalations;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Every two minutes: escalated dialogs become cases in the inbox (see <see cref="SyncEscalations"/>).</summary>
[DisallowConcurrentExecution]
public sealed class SyncEscalationsJob(IMediator mediator, ILogger<SyncEscalationsJob> logger) : IJob
{
    public static readonly JobKey Key = new("sync-escalations", "escalations");
    public static readonly TriggerKey Trigger = new("sync-escalations-every-2-min", "escalations");
    public const string Schedule = "0 */2 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SyncEscalations(), cancellationToken);
        if (result.Created + result.Reopened + result.Added > 0)
            logger.LogInformation("Escalations: {Created} new cases, {Reopened} reopened, {Added} dialogs added to open cases",
                result.Created, result.Reopened, result.Added);
    }
}
