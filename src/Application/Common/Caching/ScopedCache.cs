using System.ComponentModel;
using System.Globalization;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common.Caching;

/// <summary>
/// What many requests ask for and may see up to <see cref="DashboardOptions.ReportCacheSeconds"/> old (0: never cached),
/// on <see cref="HybridCache"/> (one load per key at a time; the others wait for it). Every key carries the scope of the
/// unit of work it is read in — one salon, all salons, or the system — taken from the <see cref="ITenantContext"/> itself,
/// so a value loaded for one scope is never served to another and no caller can forget the scope. Each value names the
/// kind of change that makes it old (<see cref="CacheTags"/>); a command that makes such a change declares it
/// (<see cref="ChangesAttribute"/>) and the pipeline forgets that kind on this instance when the command ends. Other
/// instances follow within the time.
/// <para>
/// Forgetting moves the kind to a new generation that is part of every key, rather than HybridCache's
/// <c>RemoveByTagAsync</c>: that one dates each entry and treats one made in the same clock tick as an invalidation as
/// invalid too (with a test's frozen clock, every entry after the first change was loaded again on each read), and keeps a
/// value whose load began before the change. A generation taken before loading files such a value under the old
/// generation, which nobody reads any more. Old generations' entries are dropped when they expire (or when the memory
/// cache's size limit needs the room).
/// </para>
/// </summary>
public sealed class ScopedCache(HybridCache cache, ITenantContext tenant, CacheChanges changes, IOptions<DashboardOptions> options)
{
    /// <param name="tag">The kind of change that makes the value old (<see cref="CacheTags"/>).</param>
    /// <param name="key">What tells this value apart within the scope: a name and the request's parameters.</param>
    public async Task<T> GetAsync<T>(string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, params object?[] key)
    {
        var seconds = options.Value.ReportCacheSeconds;
        if (seconds <= 0) return await load(cancellationToken);

        // The generation is taken before loading: a change declared while this value loads leaves it under the old one.
        var held = await cache.GetOrCreateAsync(Key(tag, key), async ct => new Held<T>(await load(ct)),
            new HybridCacheEntryOptions { Expiration = TimeSpan.FromSeconds(seconds), LocalCacheExpiration = TimeSpan.FromSeconds(seconds) },
            cancellationToken: cancellationToken);
        return held.Value;
    }

    /// <summary>Forgets every scope's values of these kinds on this instance (the pipeline calls it; see <see cref="ChangesAttribute"/>).</summary>
    public void Forget(IEnumerable<string> tags) => changes.Changed(tags);

    private string Key(string tag, object?[] key)
    {
        var scope = tenant.IsSystem ? "system"
            : tenant.TenantId is { } id ? "salon:" + id.ToString("N")
            : tenant.AllTenants ? "all"
            : throw new InvalidOperationException("No tenant scope: a cached value is read only inside a scoped unit of work.");
        return string.Join('|', [scope, tag, changes.Generation(tag).ToString(CultureInfo.InvariantCulture), .. key.Select(Part)]);
    }

    private static string Part(object? part) => part switch
    {
        null => "-",
        DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.DayNumber.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? "-",
    };

    /// <summary>
    /// Cached values are never changed once loaded; saying so lets <see cref="HybridCache"/> hand out the instance itself
    /// instead of a serialized copy per read.
    /// </summary>
    [ImmutableObject(true)]
    private sealed class Held<T>(T value)
    {
        public T Value { get; } = value;
    }
}

/// <summary>The current generation of each kind of cached value on this instance: one more for every change declared.</summary>
public sealed class CacheChanges
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> generations = new();

    public long Generation(string tag) => generations.GetValueOrDefault(tag);

    public void Changed(IEnumerable<string> tags)
    {
        foreach (var tag in tags) generations.AddOrUpdate(tag, 1, (_, v) => v + 1);
    }
}
