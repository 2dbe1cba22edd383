using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AgentP.Application.Common.Behaviours;

/// <summary>Outermost: names every request and times it, so slow use cases show up in the log.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int SlowMilliseconds = 500;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (elapsed > SlowMilliseconds)
                logger.LogWarning("Slow request {Request} took {ElapsedMs:F0} ms", name, elapsed);
            else
                logger.LogDebug("Request {Request} took {ElapsedMs:F1} ms", name, elapsed);
        }
    }
}
