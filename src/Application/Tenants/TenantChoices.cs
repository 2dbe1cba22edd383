using Mapster;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Tenants;

/// <summary>
/// Every salon the scope sees, by name: the switcher's list and the Platform page's rows (both platform-wide requests).
/// The bot adds salons rarely, so the list is cached.
/// </summary>
public sealed class TenantChoices(IPublicData bot, ScopedCache cache)
{
    public Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken) =>
        cache.GetAsync<IReadOnlyList<TenantChoice>>(CacheTags.Salons, async ct =>
            await bot.Tenants.OrderBy(t => t.Name).ProjectToType<TenantChoice>().ToListAsync(ct),
            cancellationToken, "salons");
}
