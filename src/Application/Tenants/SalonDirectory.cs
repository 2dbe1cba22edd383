using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;

namespace AgentP.Application.Tenants;

/// <summary>
/// Every salon of the platform (id, name, active), read once past the tenant filter by <see cref="IPlatformSalons"/> and
/// cached: the one reader of the salon list. It is platform data, so it answers within the unit of work's scope, as the
/// query filter would: a salon's scope sees its own salon only (<see cref="AllAsync"/>, <see cref="NamesAsync"/>,
/// <see cref="NameAsync"/>, <see cref="ExistsAsync"/> know no other), all salons, the system and an unscoped unit of work (a
/// sign-in) see every salon. Only <see cref="PlatformAsync"/> lists every salon whatever the scope, and only to a super_admin
/// or the system (the users form offers every salon even with one picked). The bot adds salons rarely, so an older list is
/// as good (<see cref="CacheTags.Salons"/>).
/// </summary>
public sealed class SalonDirectory(IPlatformSalons salons, ScopedCache cache, ITenantContext tenant, ICurrentUser caller)
{
    /// <summary>The salons the scope sees: its own in a salon's scope, every salon otherwise.</summary>
    public async Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken)
    {
        var every = await EveryAsync(cancellationToken);
        return tenant.TenantId is { } own ? every.Where(s => s.Id == own).ToList() : every;
    }

    /// <summary>Every salon whatever the scope: a super_admin's choices (the users form), the system's checks.</summary>
    public Task<IReadOnlyList<TenantChoice>> PlatformAsync(CancellationToken cancellationToken) =>
        caller.Role == Role.SuperAdmin || caller.IsSystem || tenant.IsSystem
            ? EveryAsync(cancellationToken)
            : throw new ForbiddenAccessException();

    /// <summary>The names of these salons that the scope sees; any other id is left out.</summary>
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
        (await AllAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);

    /// <summary>One salon's name if the scope sees it (the scope's own, or a signing-in user's own); null otherwise.</summary>
    public async Task<string?> NameAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(s => s.Id == id)?.Name;

    /// <summary>Whether the salon exists and the scope sees it.</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Any(s => s.Id == id);

    private Task<IReadOnlyList<TenantChoice>> EveryAsync(CancellationToken cancellationToken) =>
        // The cache keys every value by the unit of work's scope; an unscoped one (a sign-in, creating a user) reads afresh.
        tenant.TenantId is null && !tenant.AllTenants && !tenant.IsSystem
            ? salons.AllAsync(cancellationToken)
            : cache.GetAsync(CacheTags.Salons, salons.AllAsync, cancellationToken, "salon-directory");
}
