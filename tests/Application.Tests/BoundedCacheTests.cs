using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AgentP.Application.Tests;

/// <summary>
/// The cache's bounds: a load nobody waits for any more is cancelled, and an expiry makes nobody wait (the old value is
/// served while one refresh runs, in the entry's own scope).
/// </summary>
public sealed class BoundedCacheTests : IDisposable
{
    private static readonly Guid SalonA = Guid.NewGuid(), SalonB = Guid.NewGuid();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider provider;
    private readonly List<IServiceScope> scopes = [];

    public BoundedCacheTests()
    {
        var services = new ServiceCollection();
        services.AddOptions().Configure<DashboardOptions>(o => o.ReportCacheSeconds = 30);
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddScopedCache();
        services.AddScoped<ITenantContext, FakeTenant>();
        // No HTTP context here, as for a job: only what says it is a page's work is bounded.
        services.AddScoped(_ => { var user = Substitute.For<ICurrentUser>(); user.IsSystem.Returns(true); return user; });
        services.AddScoped<QueryBudget>();
        services.AddSingleton<Figures>();
        provider = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        foreach (var scope in scopes) scope.Dispose();
        provider.Dispose();
    }

    /// <summary>The cache of a new DI scope (a request) scoped to one salon.</summary>
    private ScopedCache For(Guid salon)
    {
        var scope = provider.CreateScope();
        scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeTo(salon);
        return scope.ServiceProvider.GetRequiredService<ScopedCache>();
    }

    private Figures Port => provider.GetRequiredService<Figures>();

    /// <summary>What a page's cached read looks like: the port comes from the services the cache hands over.</summary>
    private static Task<string> Read(ScopedCache cache, CancellationToken cancellationToken = default) =>
        cache.GetAsync(CacheTags.Figures, 0, static (services, _, ct) =>
            services.GetRequiredService<Figures>().LoadAsync(services.GetRequiredService<ITenantContext>(), services.GetRequiredService<QueryBudget>().Bounded, ct),
            cancellationToken, "figures");

    [Fact]
    public async Task A_load_abandoned_by_its_only_waiter_is_cancelled()
    {
        var cancelled = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        using var request = new CancellationTokenSource();
        var read = For(SalonA).GetAsync(CacheTags.Figures, async ct =>
        {
            started.SetResult();
            await using (ct.Register(() => cancelled.TrySetResult()))
                await Task.Delay(Timeout.Infinite, ct);
            return 1;
        }, request.Token, "slow");
        await started.Task;
        request.Cancel(); // the browser went away

        // Generous bounds: a wait that never ends fails instead of hanging the run.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_first_caller_that_leaves_waits_for_its_load_which_still_serves_the_others()
    {
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var tokenCancelled = false;
        using var first = new CancellationTokenSource();
        var owner = For(SalonA).GetAsync(CacheTags.Figures, async ct =>
        {
            started.SetResult();
            await release.Task;
            tokenCancelled = ct.IsCancellationRequested;
            return 7;
        }, first.Token, "shared");
        await started.Task;
        var other = For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult(-1), CancellationToken.None, "shared");
        first.Cancel();
        await Task.Delay(200);
        // Its load runs on its services: it does not return them while the load still runs for the other.
        Assert.False(owner.IsCompleted);

        release.SetResult();
        Assert.Equal(7, await other.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(tokenCancelled);
    }

    [Fact]
    public async Task An_expired_entry_is_served_while_exactly_one_refresh_runs_in_the_background()
    {
        Assert.Equal($"{SalonA}#1", await Read(For(SalonA)));
        Assert.False(Port.LastBounded);
        clock.Advance(TimeSpan.FromSeconds(31));
        Port.Hold();

        // Many readers at once, none waits: each gets the old value while one refresh loads the next.
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Read(For(SalonA)))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(reads, r => Assert.Equal($"{SalonA}#1", r));
        Port.Release();
        await provider.GetRequiredService<CacheRefreshes>().IdleAsync();

        Assert.Equal(2, Port.Loads);
        Assert.Equal($"{SalonA}#2", await Read(For(SalonA)));
        // The refresh ran in a scope of its own with the page's timeout, not on a request's services.
        Assert.True(Port.LastBounded);
    }

    [Fact]
    public async Task An_expired_entry_read_with_a_closure_is_refreshed_by_one_reader_while_the_others_are_served()
    {
        var loads = 0;
        var release = new TaskCompletionSource();
        Task<int> Load(CancellationToken _) => Interlocked.Increment(ref loads) == 1 ? Task.FromResult(1) : WaitAsync();
        async Task<int> WaitAsync() { await release.Task; return 2; }

        Assert.Equal(1, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "closure"));
        clock.Advance(TimeSpan.FromSeconds(31));
        var refresher = For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "closure");
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "closure")))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(others, v => Assert.Equal(1, v));
        release.SetResult();
        Assert.Equal(2, await refresher);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_missing_or_twice_expired_entry_is_computed_in_the_request()
    {
        Assert.Equal($"{SalonA}#1", await Read(For(SalonA)));
        clock.Advance(TimeSpan.FromSeconds(61)); // gone: never served at more than twice the cache's time
        Assert.Equal($"{SalonA}#2", await Read(For(SalonA)));
        Assert.Equal(2, Port.Loads);
    }

    [Fact]
    public async Task A_change_makes_the_next_read_fresh_not_stale()
    {
        Assert.Equal($"{SalonA}#1", await Read(For(SalonA)));
        clock.Advance(TimeSpan.FromSeconds(31));
        For(SalonA).Forget([CacheTags.Figures]);
        Assert.Equal($"{SalonA}#2", await Read(For(SalonA)));
    }

    [Fact]
    public async Task A_refreshed_entry_never_crosses_salons()
    {
        Assert.Equal($"{SalonA}#1", await Read(For(SalonA)));
        Assert.Equal($"{SalonB}#2", await Read(For(SalonB)));
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal($"{SalonA}#1", await Read(For(SalonA))); // stale, refreshing A
        Assert.Equal($"{SalonB}#2", await Read(For(SalonB))); // stale, refreshing B
        await provider.GetRequiredService<CacheRefreshes>().IdleAsync();

        // Each refresh ran scoped to its own entry's salon and was filed under it.
        Assert.StartsWith(SalonA.ToString(), await Read(For(SalonA)));
        Assert.StartsWith(SalonB.ToString(), await Read(For(SalonB)));
        Assert.Equal(4, Port.Loads);
    }

    /// <summary>A port that answers with the salon of the scope it runs in and how many loads there were.</summary>
    private sealed class Figures
    {
        private int loads;
        private TaskCompletionSource? held;

        public int Loads => Volatile.Read(ref loads);
        public bool LastBounded { get; private set; }

        public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => held?.SetResult();

        public async Task<string> LoadAsync(ITenantContext tenant, bool bounded, CancellationToken cancellationToken)
        {
            LastBounded = bounded;
            var n = Interlocked.Increment(ref loads);
            if (held is { } wait) await wait.Task.WaitAsync(cancellationToken);
            return $"{tenant.TenantId}#{n}";
        }
    }

    private sealed class FakeTenant : ITenantContext
    {
        public Guid? TenantId { get; private set; }
        public bool AllTenants { get; private set; }
        public bool IsSystem { get; private set; }
        public void ScopeTo(Guid tenantId) => (TenantId, AllTenants, IsSystem) = (tenantId, false, false);
        public void ScopeToAllTenants() => (TenantId, AllTenants, IsSystem) = (null, true, false);
        public void ScopeToSystem() => (TenantId, AllTenants, IsSystem) = (null, true, true);
        public void Unscope() => (TenantId, AllTenants, IsSystem) = (null, false, false);
        public IDisposable Run() => new CancellationTokenSource();
    }
}
