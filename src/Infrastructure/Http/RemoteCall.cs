using System.Net;
using Microsoft.Extensions.Logging;

namespace AgentP.Infrastructure.Http;

/// <summary>
/// One call to a remote API (Telegram, YClients), tried up to a number of times: each attempt under its own time limit;
/// network errors, timeouts and the failures an attempt calls retryable (429, 5xx) are tried again after an exponential
/// back-off (or the wait the server asked for), never longer than the longest wait. Errors come back as readable text
/// naming the service, never as exceptions, and are logged without the URL (tokens may be in it).
/// </summary>
public static class RemoteCall
{
    /// <summary>What one attempt came to: the answer, or a failure and whether another try may help.</summary>
    public readonly record struct Attempt<T>(T? Answer, string? Error, bool Retry, TimeSpan? RetryAfter)
    {
        public static Attempt<T> Done(T answer) => new(answer, null, false, null);
        public static Attempt<T> Failed(string error, bool retry, TimeSpan? retryAfter = null) => new(default, error, retry, retryAfter);
    }

    /// <summary>429 and server errors are worth another try; any other refusal is final.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <param name="service">The service's name as users read it («Telegram», «YClients»).</param>
    /// <param name="call">What is called, for the log («sendMessage», «record 123»).</param>
    public static async Task<(T? Answer, string? Error)> RunAsync<T>(string service, string call, int maxAttempts, TimeSpan timeout, TimeSpan maxDelay,
        ILogger logger, Func<CancellationToken, Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        var error = $"{service} не ответил.";
        for (var number = 1; number <= maxAttempts; number++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(timeout);
                var result = await attempt(limit.Token);
                if (result.Error is null) return (result.Answer, null);
                error = result.Error;
                if (!result.Retry) return (default, error);
                retryAfter = result.RetryAfter;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e is TaskCanceledException ? $"{service} не ответил вовремя." : $"Нет связи с {service}.";
            }
            logger.LogWarning("{Service} {Call} attempt {Attempt} of {Max} failed: {Error}", service, call, number, maxAttempts, error);
            if (number == maxAttempts) break;
            var wait = retryAfter ?? delay;
            // Real time on purpose: this waits for a remote server, not for the business clock.
            await Task.Delay(wait < maxDelay ? wait : maxDelay, cancellationToken);
            delay *= 2;
        }
        return (default, error);
    }
}
