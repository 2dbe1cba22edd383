using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentP.Application.Tests;

/// <summary>
/// The salon directory holds every salon (platform data); what it hands a salon's unit of work is that salon's name, or the
/// names of salons whose rows the caller already read through its scope — never the list.
/// </summary>
public sealed class SalonDirectoryTests
{
    private static readonly TenantChoice Alpha = new(Guid.NewGuid(), "Салон «Альфа»", true), Beta = new(Guid.NewGuid(), "Студия «Бета»", true),
        Gamma = new(Guid.NewGuid(), "Салон «Гамма»", false);

    private readonly ServiceProvider provider;
    private readonly IPlatformSalons salons = Substitute.For<IPlatformSalons>();

    public SalonDirectoryTests()
    {
        var services = new ServiceCollection();
        services.AddOptions().Configure<DashboardOptions>(o => (o.ReportCacheSeconds, o.CacheMegabytes) = (30, 1));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddScopedCache();
        provider = services.BuildServiceProvider();
        salons.AllAsync(Arg.Any<CancellationToken>()).Returns(_ => Task.FromResult<IReadOnlyList<TenantChoice>>([Alpha, Beta, Gamma]));
    }

    private SalonDirectory For(Guid? salon, bool all = false, Role role = Role.Admin)
    {
        var tenant = Substitute.For<ITenantContext>();
        tenant.TenantId.Returns(salon);
        tenant.AllTenants.Returns(all);
        var caller = Substitute.For<ICurrentUser>();
        caller.Role.Returns(role);
        return new SalonDirectory(salons, new ScopedCache(provider.GetRequiredService<HybridCache>(), tenant,
            provider.GetRequiredService<CacheGenerations>(), provider.GetRequiredService<CacheRefreshes>(), provider,
            provider.GetRequiredService<IOptions<DashboardOptions>>()), tenant, caller);
    }

    [Fact]
    public async Task A_salons_scope_knows_no_other_salon_whatever_it_asks()
    {
        var alpha = For(Alpha.Id);
        Assert.Null(await alpha.NameAsync(Beta.Id, CancellationToken.None));
        Assert.False(await alpha.ExistsAsync(Gamma.Id, CancellationToken.None));
        Assert.Empty(await alpha.NamesAsync([Beta.Id, Gamma.Id], CancellationToken.None));
        Assert.Equal([Alpha], await alpha.AllAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => alpha.PlatformAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_super_admin_with_a_salon_picked_gets_every_salon_only_by_asking_for_the_platform()
    {
        var owner = For(Alpha.Id, role: Role.SuperAdmin);
        Assert.Equal([Alpha], await owner.AllAsync(CancellationToken.None));
        Assert.Equal([Alpha, Beta, Gamma], await owner.PlatformAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_salons_scope_names_only_its_own_salon()
    {
        Assert.Equal([Alpha.Id], (await For(Alpha.Id).ScopeNamesAsync(CancellationToken.None)).Keys);
        Assert.Equal([Alpha.Id, Beta.Id, Gamma.Id], (await For(null, all: true).ScopeNamesAsync(CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task Names_are_given_for_the_asked_ids_only()
    {
        var names = await For(Alpha.Id).NamesAsync([Alpha.Id, Alpha.Id, Guid.NewGuid()], CancellationToken.None);
        Assert.Equal(new Dictionary<Guid, string> { [Alpha.Id] = Alpha.Name }, names);
    }

    [Fact]
    public async Task The_list_is_read_once_per_scope_and_afresh_without_one()
    {
        await For(Alpha.Id).NameAsync(Alpha.Id, CancellationToken.None);
        await For(Alpha.Id).ExistsAsync(Alpha.Id, CancellationToken.None);
        await salons.Received(1).AllAsync(Arg.Any<CancellationToken>());
        // A sign-in has no scope for the cache to key by: it reads the list itself each time.
        Assert.Equal(Beta.Name, await For(null).NameAsync(Beta.Id, CancellationToken.None));
        Assert.Equal(Beta.Name, await For(null).NameAsync(Beta.Id, CancellationToken.None));
        await salons.Received(3).AllAsync(Arg.Any<CancellationToken>());
    }
}
