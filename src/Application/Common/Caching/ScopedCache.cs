using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common.Caching;

/// <summary>
/// What many requests ask for and may see up to <see cref="DashboardOptions.ReportCacheSeconds"/> old (0: never cached),
/// on <see cref="HybridCache"/> (one load per key at a time; the others wait for it). An expiry makes nobody wait: an entry
/// older than that is served as it is while one refresh per key runs on this instance (<see cref="CacheRefreshes"/>), and
/// it is gone at twice that age, so no value served is older; only a missing entry is loaded in the request. Every key carries the scope of the
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
public sealed class ScopedCache(HybridCache cache, ITenantContext tenant, CacheGenerations generations, CacheRefreshes refreshes,
    IServiceProvider services, IOptions<DashboardOptions> options)
{
    /// <summary>
    /// The value, loaded on this caller's services when missing. Expired, it is served while one reader loads the next in
    /// its own request; <see cref="GetAsync{TState, T}"/> spares that reader too.
    /// </summary>
    /// <param name="tag">The kind of change that makes the value old (<see cref="CacheTags"/>).</param>
    /// <param name="key">What tells this value apart within the scope: a name and the request's parameters — a filter record
    /// as itself, all its fields (never listed field by field, where a new field would be left out).</param>
    public Task<T> GetAsync<T>(string tag, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken, params object?[] key) =>
        GetAsync(tag, load, null, cancellationToken, key);

    /// <summary>
    /// The value, loaded on this caller's services when missing; expired, it is served while one refresh runs in the
    /// background, in a DI scope of its own. <paramref name="load"/> must take everything from the services and the state it
    /// is given (make it <c>static</c>): a refresh calls it with another scope's services, after the request has ended.
    /// </summary>
    public Task<T> GetAsync<TState, T>(string tag, TState state, Func<IServiceProvider, TState, CancellationToken, Task<T>> load,
        CancellationToken cancellationToken, params object?[] key) =>
        GetAsync(tag, ct => load(services, state, ct), (provider, ct) => load(provider, state, ct), cancellationToken, key);

    private async Task<T> GetAsync<T>(string tag, Func<CancellationToken, Task<T>> load, Func<IServiceProvider, CancellationToken, Task<T>>? refresh,
        CancellationToken cancellationToken, object?[] key)
    {
        var seconds = options.Value.ReportCacheSeconds;
        if (seconds <= 0) return await load(cancellationToken);

        // The generations are taken before loading: a change declared while this value loads leaves it under the old ones.
        var name = Key<T>(tag, key);
        var entry = new HybridCacheEntryOptions { Expiration = TimeSpan.FromSeconds(2 * seconds), LocalCacheExpiration = TimeSpan.FromSeconds(2 * seconds) };
        var held = await LoadSharedAsync(name, load, entry, cancellationToken);
        if (refreshes.Now - held.LoadedAt < TimeSpan.FromSeconds(seconds) || !refreshes.TryBegin(name)) return held.Value;

        // Expired (but not twice over, or it would be gone): one refresh for the key on this instance; everyone else,
        // this reader included when the refresh runs in the background, is served the value as it was.
        if (refresh is not null)
        {
            refreshes.Start(name, EntryScope.Of(tenant), async (provider, ct) =>
            {
                var at = refreshes.Now;
                await cache.SetAsync(name, new Held<T>(await refresh(provider, ct), at), entry, cancellationToken: ct);
            });
            return held.Value;
        }
        try
        {
            var at = refreshes.Now;
            var value = await load(cancellationToken);
            await cache.SetAsync(name, new Held<T>(value, at), entry, cancellationToken: cancellationToken);
            return value;
        }
        finally
        {
            refreshes.End(name);
        }
    }

    /// <summary>
    /// HybridCache's one load per key, on this caller's services when it is the first: the others wait for it, and the
    /// load's token is cancelled once every waiter has gone (HybridCache's shared cancellation). A first caller that goes
    /// away still waits for its load to end before it returns, since the load runs on its services (its DbContext, rented
    /// to its request) and may still serve the others.
    /// </summary>
    private async Task<Held<T>> LoadSharedAsync<T>(string name, Func<CancellationToken, Task<T>> load, HybridCacheEntryOptions entry, CancellationToken cancellationToken)
    {
        var own = new OwnLoad<T>(load, refreshes);
        try
        {
            return await cache.GetOrCreateAsync(name, own, static (own, shared) => own.RunAsync(shared), entry, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await own.LeaveAsync();
            throw;
        }
    }

    /// <summary>This caller's load, if HybridCache runs it: never started once the caller has left, waited for if it had.</summary>
    private sealed class OwnLoad<T>(Func<CancellationToken, Task<T>> load, CacheRefreshes refreshes)
    {
        private readonly Lock gate = new();
        private Task<Held<T>>? running;
        private bool left;

        public ValueTask<Held<T>> RunAsync(CancellationToken shared)
        {
            lock (gate)
            {
                if (left) throw new OperationCanceledException("Its caller has gone.");
                running = LoadAsync(shared);
            }
            return new ValueTask<Held<T>>(running);
        }

        private async Task<Held<T>> LoadAsync(CancellationToken shared)
        {
            var at = refreshes.Now;
            return new Held<T>(await load(shared), at);
        }

        public async Task LeaveAsync()
        {
            Task? started;
            lock (gate)
            {
                left = true;
                started = running;
            }
            if (started is null) return;
            try
            {
                await started;
            }
            catch
            {
                // Its outcome is the other waiters' (or nobody's); this caller only waited to get its services back.
            }
        }
    }

    /// <summary>
    /// Forgets the values of these kinds that the change made in the current scope can touch, on this instance: a salon's
    /// own and the all-salons and system views (which include it); a change made across salons, every scope's. The
    /// pipeline calls it for a command's <see cref="ChangesAttribute"/>; nothing else should.
    /// </summary>
    internal void Forget(IEnumerable<string> tags)
    {
        // A command with no scope of its own cannot say whose values it changed: every scope's are old.
        string[] scopes = tenant.TenantId is { } && !tenant.AllTenants ? [Scope(), AllSalons, System] : [Everything];
        foreach (var tag in tags) generations.Changed(tag, scopes);
    }

    private const string AllSalons = "all", System = "system", Everything = "*";

    private string Scope() =>
        tenant.IsSystem ? System
        : tenant.TenantId is { } id ? "salon:" + id.ToString("N")
        : tenant.AllTenants ? AllSalons
        : throw new InvalidOperationException("No tenant scope: a cached value is read only inside a scoped unit of work.");

    /// <summary>The scope, the kind and its generations, the value's type (two callers never share a key with different types) and the parts.</summary>
    private string Key<T>(string tag, object?[] key)
    {
        var scope = Scope();
        var parts = string.Join('|', key.Select(Part));
        // HybridCache does not cache a key over 1 024 characters (it loads every time, without stampede protection); parts
        // that grow with the platform (every salon's zone) are replaced by their digest.
        if (parts.Length > MaxPartsLength)
            parts = "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parts)));
        return string.Join('|', scope, tag, Number(generations.Generation(tag, scope)), Number(generations.Generation(tag, Everything)), typeof(T).FullName, parts);
    }

    private const int MaxPartsLength = 512;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Part(object? part) => part switch
    {
        null => "~",
        DateTimeOffset at => Number(at.UtcTicks),
        DateOnly day => Number(day.DayNumber),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        // A record (a request's filter) is keyed by all its fields, as JSON: a field added to it later is in the key without
        // anyone listing it at the call site, and a text field cannot pass for another field the way its printout could.
        _ when part.GetType().GetMethod("<Clone>$") is not null => Text(JsonSerializer.Serialize(part, part.GetType())),
        _ => Text(part.ToString()),
    };

    // Text could hold the separator: quoted, so "a|b" as one part never reads as two.
    private static string Text(string? text) =>
        "'" + (text ?? "").Replace("'", "''", StringComparison.Ordinal).Replace("|", "'|", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Cached values are never changed once loaded; saying so lets <see cref="HybridCache"/> hand out the instance itself
    /// instead of a serialized copy per read.
    /// </summary>
    [ImmutableObject(true)]
    private sealed class Held<T>(T value, DateTimeOffset loadedAt)
    {
        public T Value { get; } = value;

        /// <summary>When its load began: the value is at least this old.</summary>
        public DateTimeOffset LoadedAt { get; } = loadedAt;
    }
}
