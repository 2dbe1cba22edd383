using AgentP.Application.Dialogs;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Every minute: the bot's new dialogs into <c>dashboard.dialog_facts</c>, and the client index (see <see cref="IndexDialogs"/>).</summary>
[DisallowConcurrentExecution]
public sealed class IndexDialogsJob(IMediator mediator, ILogger<IndexDialogsJob> logger) : IJob
{
    public static readonly JobKey Key = new("index-dialogs", "dialogs");
    public static readonly TriggerKey Trigger = new("index-dialogs-every-minute", "dialogs");
    public const string Schedule = "0 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new IndexDialogs(), cancellationToken);
        if (result.Added > 0 || result.ClientsIndexed > 0)
            logger.LogInformation("Dialogs: {Added} indexed (up to id {IndexedUpTo}), client index: {Clients} changed row(s) read, in {Elapsed} ms",
                result.Added, result.IndexedUpTo, result.ClientsIndexed, (long)result.Elapsed.TotalMilliseconds);
    }
}
