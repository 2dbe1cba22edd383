using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;

namespace AgentP.Application.Tenants;

/// <summary>
/// Every salon of the platform (id, name, active), read once past the tenant filter by <see cref="IPlatformSalons"/> and
/// cached: the one reader of the salon list. It is platform data, so what a caller shows from it is bounded by what its
/// own scope gave it: <see cref="NamesAsync"/> and <see cref="NameAsync"/> name the salons of rows the caller already read
/// through its scope (or its scope's own salon); only a platform-wide request or a super_admin's form lists it whole
/// (<see cref="AllAsync"/>). The bot adds salons rarely, so an older list is as good (<see cref="CacheTags.Salons"/>).
/// </summary>
public sealed class SalonDirectory(IPlatformSalons salons, ScopedCache cache, ITenantContext tenant)
{
    /// <summary>Every salon by name; callers are platform-wide or a super_admin (the switcher, Platform, the users form).</summary>
    public Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken) =>
        // The cache keys every value by the unit of work's scope; an unscoped one (a sign-in, creating a user) reads afresh.
        tenant.TenantId is null && !tenant.AllTenants && !tenant.IsSystem
            ? salons.AllAsync(cancellationToken)
            : cache.GetAsync(CacheTags.Salons, salons.AllAsync, cancellationToken, "salon-directory");

    /// <summary>The names of these salons (ids from rows the caller's scope let it read); an unknown id is left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet();
        return (await AllAsync(cancellationToken)).Where(s => wanted.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Name);
    }

    /// <summary>
    /// The names of the salons the unit of work's scope sees: its own salon's, or every salon's for all salons (the
    /// exports name each row's salon as its rows stream, so the names come first).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ScopeNamesAsync(CancellationToken cancellationToken) =>
        tenant.RequireScope() is { } id
            ? await NamesAsync([id], cancellationToken)
            : (await AllAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);

    /// <summary>One salon's name (the scope's own, or a user's own); null when no such salon exists.</summary>
    public async Task<string?> NameAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(s => s.Id == id)?.Name;

    /// <summary>Whether the salon exists; asked only for callers who may name any salon (a super_admin, the system).</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Any(s => s.Id == id);
}
