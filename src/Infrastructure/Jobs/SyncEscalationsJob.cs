using AgentP.Application.Escalations;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Every two minutes and once at start: escalated dialogs become cases in the inbox (see <see cref="SyncEscalations"/>).</summary>
[DisallowConcurrentExecution]
public sealed class SyncEscalationsJob(IMediator mediator, ILogger<SyncEscalationsJob> logger) : IJob
{
    public static readonly JobKey Key = new("sync-escalations", "escalations");
    public static readonly TriggerKey Trigger = new("sync-escalations-every-2-min", "escalations");
    public const string Schedule = "0 */2 * * * ?";

    /// <summary>Once at every start too: the inbox, the Overview's «Ждут человека» and the menu's badge count the waiting cases at once, not two minutes later.</summary>
    public static readonly TriggerKey StartupTrigger = new("sync-escalations-on-start", "escalations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SyncEscalations(), cancellationToken);
        if (result.Created + result.Reopened + result.Added > 0)
            logger.LogInformation("Escalations: {Created} new cases, {Reopened} reopened, {Added} dialogs added to open cases",
                result.Created, result.Reopened, result.Added);
    }
}
