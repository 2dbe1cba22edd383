using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentP.Application.Tests;

public sealed class ScopedCacheTests
{
    private static readonly Guid SalonA = Guid.NewGuid(), SalonB = Guid.NewGuid();
    private readonly ServiceProvider provider;

    public ScopedCacheTests()
    {
        var services = new ServiceCollection();
        services.AddOptions().Configure<DashboardOptions>(o => (o.ReportCacheSeconds, o.CacheEntries) = (30, 100));
        services.AddSingleton(TimeProvider.System);
        services.AddScopedCache();
        provider = services.BuildServiceProvider();
    }

    private ScopedCache For(Guid? salon, bool all = false, bool system = false)
    {
        var tenant = Substitute.For<ITenantContext>();
        tenant.TenantId.Returns(salon);
        tenant.AllTenants.Returns(all || system);
        tenant.IsSystem.Returns(system);
        return new ScopedCache(provider.GetRequiredService<HybridCache>(), tenant, provider.GetRequiredService<CacheChanges>(),
            provider.GetRequiredService<IOptions<DashboardOptions>>());
    }

    [Fact]
    public async Task A_value_is_loaded_once_per_scope_and_key()
    {
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        Assert.Equal(1, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(1, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(2, await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(3, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(4, await For(null, system: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(5, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 2));
    }

    [Fact]
    public async Task The_memory_holds_a_bounded_number_of_values_however_many_ranges_are_asked_for()
    {
        for (var day = 0; day < 1000; day++)
            Assert.Equal(day, await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult(day), CancellationToken.None, "range", day));
        await Task.Delay(100); // the memory cache compacts in the background
        var memory = (MemoryCache)provider.GetRequiredService<IMemoryCache>();
        Assert.InRange(memory.Count, 1, 100);
    }

    [Fact]
    public async Task A_declared_change_makes_every_scopes_values_of_that_kind_old_and_no_other_kind()
    {
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x");
        await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x");
        await For(SalonA).GetAsync(CacheTags.Settings, Load, CancellationToken.None, "y");
        For(SalonA).Forget([CacheTags.Figures]);
        Assert.Equal(4, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"));
        Assert.Equal(5, await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"));
        Assert.Equal(3, await For(SalonA).GetAsync(CacheTags.Settings, Load, CancellationToken.None, "y"));
    }

    [Fact]
    public async Task A_value_loaded_while_its_kind_changes_is_not_served_afterwards()
    {
        var release = new TaskCompletionSource();
        var loads = 0;
        var slow = For(SalonA).GetAsync(CacheTags.Figures, async _ => { loads++; await release.Task; return "old"; }, CancellationToken.None, "z");
        For(SalonA).Forget([CacheTags.Figures]); // the change commits while the old value is still loading
        release.SetResult();
        Assert.Equal("old", await slow);
        Assert.Equal("new", await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult("new"), CancellationToken.None, "z"));
    }

    [Fact]
    public async Task Nothing_is_cached_outside_a_scope()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => For(null).GetAsync(CacheTags.Figures, _ => Task.FromResult(1), CancellationToken.None, "x"));
    }
}
