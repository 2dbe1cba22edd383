using System.Collections.Concurrent;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentP.Application.Common.Caching;

/// <summary>
/// The refreshes of expired cache entries running on this instance: at most one per key. A refresh in the background
/// runs in a DI scope of its own (its own database contexts), scoped to the salon, all salons or the system exactly as
/// the entry's key is, with the page's query timeout; it has no waiter, so only the app's stop cancels it.
/// </summary>
public sealed class CacheRefreshes(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CacheRefreshes> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Task> running = new();
    private readonly CancellationTokenSource stopping = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Claims the key's one refresh on this instance; false when one already runs.</summary>
    internal bool TryBegin(string key) => running.TryAdd(key, Task.CompletedTask);

    /// <summary>Ends a refresh claimed by <see cref="TryBegin"/> that ran in the reader's own request.</summary>
    internal void End(string key) => running.TryRemove(key, out _);

    /// <summary>Runs a refresh claimed by <see cref="TryBegin"/> in the background, in a new DI scope with the given tenant scope.</summary>
    internal void Start(string key, EntryScope scope, Func<IServiceProvider, CancellationToken, Task> refresh)
    {
        Task<Task> task;
        // Nothing of the reader's request (its HTTP context, its logging scope) flows into work that outlives it: a task
        // takes the execution context when it is made.
        using (ExecutionContext.SuppressFlow())
            task = new Task<Task>(() => RefreshAsync(key, scope, refresh));
        // Filed before it starts, so that its own end is what removes it.
        running[key] = task.Unwrap();
        task.Start(TaskScheduler.Default);
    }

    /// <summary>Ends when the refreshes running now have ended (tests).</summary>
    internal Task IdleAsync() => Task.WhenAll(running.Values);

    private async Task RefreshAsync(string key, EntryScope scope, Func<IServiceProvider, CancellationToken, Task> refresh)
    {
        try
        {
            await using var services = scopes.CreateAsyncScope();
            // A page's work, whoever reads it: the page timeout bounds it. Set before anything rents a database context.
            services.ServiceProvider.GetRequiredService<QueryBudget>().Bounded = true;
            var tenant = services.ServiceProvider.GetRequiredService<ITenantContext>();
            scope.Apply(tenant);
            using (tenant.Run())
                await refresh(services.ServiceProvider, stopping.Token);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // The old value stays until it is twice as old; the next reader after that loads it in its request.
            logger.LogWarning(e, "Refreshing cache entry {Key} failed", key);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            running.TryRemove(key, out _);
        }
    }

    public void Dispose() => stopping.Cancel();
}
