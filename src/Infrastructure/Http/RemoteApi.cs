using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace AgentP.Infrastructure.Http;

/// <summary>
/// How calls to a remote API (Telegram, YClients) are retried, and how their failures read. Each attempt runs under its
/// own time limit; network errors, timeouts, 408, 429 and 5xx are tried again after an exponential back-off (or the wait
/// the server asks for), never longer than the longest wait; any other refusal is final.
/// </summary>
public static class RemoteApi
{
    /// <param name="limits">Attempts, one attempt's time limit and the longest wait, from the API's options.</param>
    /// <param name="retryAfterInBody">The wait an answer asks for in its body, for APIs that say it there rather than in <c>Retry-After</c>.</param>
    public static IHttpClientBuilder AddRemoteApiResilience<TOptions>(this IHttpClientBuilder builder,
        Func<TOptions, (int MaxAttempts, TimeSpan Timeout, TimeSpan MaxDelay)> limits,
        Func<HttpResponseMessage, CancellationToken, ValueTask<TimeSpan?>>? retryAfterInBody = null)
        where TOptions : class
    {
        // Each attempt has its own limit below; HttpClient's default 100 s would cut all attempts and waits together.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("remote-api", (pipeline, context) =>
        {
            var (maxAttempts, timeout, maxDelay) = limits(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value);
            // Real time on purpose: this waits for a remote server, not for the business clock (the registered TimeProvider).
            pipeline.TimeProvider = TimeProvider.System;
            if (maxAttempts > 1)
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = maxAttempts - 1,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = maxDelay,
                    // Few attempts from one process: jitter would only make the waits harder to reason about.
                    UseJitter = false,
                };
                var retryAfterHeader = retry.DelayGenerator!;
                // Polly caps its own back-off at MaxDelay but takes a wait the server asks for as it is.
                retry.DelayGenerator = async args =>
                {
                    var asked = await retryAfterHeader(args)
                        ?? (retryAfterInBody is not null && args.Outcome.Result is { } response
                            ? await retryAfterInBody(response, args.Context.CancellationToken)
                            : null);
                    return asked > maxDelay ? maxDelay : asked;
                };
                pipeline.AddRetry(retry);
            }
            pipeline.AddTimeout(timeout);
        });
        // Inside the attempt: its time limit covers the body too, and the wait can be read from the body.
        builder.AddHttpMessageHandler(() => new ReadWholeAnswer());
        return builder;
    }

    /// <summary>A failure as users read it, naming the service; null when the caller cancelled (that is no failure to report).</summary>
    public static string? Describe(string service, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException or OperationCanceledException => $"{service} не ответил вовремя.",
        HttpRequestException => $"Нет связи с {service}.",
        _ => null,
    };

    private sealed class ReadWholeAnswer : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
