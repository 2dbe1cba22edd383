using AgentP.Application.Clients;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Every minute: the bot's new dialogs into <c>dashboard.client_dialogs</c> (see <see cref="IndexClientDialogs"/>).</summary>
[DisallowConcurrentExecution]
public sealed class IndexClientDialogsJob(IMediator mediator, ILogger<IndexClientDialogsJob> logger) : IJob
{
    public static readonly JobKey Key = new("index-client-dialogs", "clients");
    public static readonly TriggerKey Trigger = new("index-client-dialogs-every-minute", "clients");
    public const string Schedule = "0 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new IndexClientDialogs(), cancellationToken);
        if (result.Added > 0)
            logger.LogInformation("Client dialogs: {Added} indexed (up to id {IndexedUpTo}) in {Elapsed} ms",
                result.Added, result.IndexedUpTo, (long)result.Elapsed.TotalMilliseconds);
    }
}
