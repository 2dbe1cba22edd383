using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AgentP.Application.Common;

/// <summary>
/// What many requests ask for and may see up to <see cref="DashboardOptions.ReportCacheSeconds"/> old (off at 0): loaded
/// once per key for that time. Keys belong to a group; a change made on this instance forgets its whole group at once,
/// another instance's copies follow within that time.
/// </summary>
public sealed class Reused(IMemoryCache cache, IOptions<DashboardOptions> options)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> groups = new();

    public async Task<T> GetAsync<T>(string group, object? key, Func<Task<T>> load)
    {
        var seconds = options.Value.ReportCacheSeconds;
        if (seconds <= 0) return await load();
        var entry = (group, key);
        if (cache.TryGetValue(entry, out T? value)) return value!;
        // Taken before loading: a change made while loading expires what was loaded at once.
        var changed = groups.GetOrAdd(group, _ => new CancellationTokenSource()).Token;
        value = await load();
        cache.Set(entry, value, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds),
            ExpirationTokens = { new CancellationChangeToken(changed) },
        });
        return value;
    }

    public void Forget(string group)
    {
        if (groups.TryRemove(group, out var source)) source.Cancel();
    }
}
