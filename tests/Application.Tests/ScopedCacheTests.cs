using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentP.Application.Tests;

public sealed class ScopedCacheTests
{
    private static readonly Guid SalonA = Guid.NewGuid(), SalonB = Guid.NewGuid();
    private readonly ServiceProvider provider;
    private readonly CacheChanges changes = new();

    public ScopedCacheTests()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        provider = services.BuildServiceProvider();
    }

    private ScopedCache For(Guid? salon, bool all = false, bool system = false)
    {
        var tenant = Substitute.For<ITenantContext>();
        tenant.TenantId.Returns(salon);
        tenant.AllTenants.Returns(all || system);
        tenant.IsSystem.Returns(system);
        return new ScopedCache(provider.GetRequiredService<HybridCache>(), tenant, changes, Options.Create(new DashboardOptions { ReportCacheSeconds = 30 }));
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
}
