using AgentP.Application.Bookings;
using MediatR;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AgentP.Infrastructure.Jobs;

/// <summary>Hourly at :20: the bot's past bookings checked against YClients (see <see cref="VerifyBookings"/>).</summary>
[DisallowConcurrentExecution]
public sealed class VerifyBookingsJob(IMediator mediator, ILogger<VerifyBookingsJob> logger) : IJob
{
    public static readonly JobKey Key = new("verify-bookings", "bookings");
    public static readonly TriggerKey Trigger = new("verify-bookings-hourly", "bookings");
    public const string Schedule = "0 20 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new VerifyBookings(), cancellationToken);
        foreach (var salon in result.Salons.Where(s => s.Connected))
        {
            logger.LogInformation("YClients {Salon}: {Checked} checked, {Settled} settled, {Failed} failed, {Left} left for the next run",
                salon.TenantId, salon.Checked, salon.Settled, salon.Failed, salon.Left);
            // Failed records stay unsettled and are asked again next hour.
            foreach (var error in salon.Errors) logger.LogWarning("YClients {Salon}: {Error}", salon.TenantId, error);
        }
    }
}
