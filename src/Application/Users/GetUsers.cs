using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Users;

/// <summary>The dashboard's users: a salon admin sees the salon's, a super_admin the chosen salon's or everyone.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record GetUsers(Guid? TenantId = null) : IRequest<UserList>, IAllowsAllTenants;

/// <summary>
/// The users, and the zone their times are shown in: the salon's, or for all salons the platform's default, as on every page;
/// and the salons the create form offers: every salon for a super_admin, none for a salon admin (their users join their salon).
/// </summary>
public sealed record UserList(IReadOnlyList<UserRow> Rows, string TimeZone, IReadOnlyList<TenantChoice> Salons);

public sealed record UserRow(long Id, string Email, string DisplayName, string? FirstName, string? LastName, Role Role, Guid? TenantId, string? Salon,
    bool Active, DateTimeOffset? LastLoginAt, DateTimeOffset? LockedUntil);

public sealed class GetUsersHandler(IDashboardDb db, SalonDirectory directory, ITenantContext tenant, TenantTimeZones zones, ICurrentUser caller,
    TimeProvider clock)
    : IRequestHandler<GetUsers, UserList>
{
    public async Task<UserList> Handle(GetUsers request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken); // the tenant filter scopes it
        var salons = await directory.NamesAsync(users.Select(u => u.TenantId).OfType<Guid>(), cancellationToken);
        // Locked out from some address (a mistyped password, or a stranger guessing): the admin sees it, the owner elsewhere can still sign in.
        var now = clock.GetUtcNow();
        var userIds = users.Select(u => u.Id).ToList();
        var locked = await db.SignInLockouts.Where(l => userIds.Contains(l.UserId) && l.LockedUntil > now)
            .GroupBy(l => l.UserId).Select(g => new { g.Key, Until = g.Max(l => l.LockedUntil) }).ToDictionaryAsync(g => g.Key, g => g.Until, cancellationToken);
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        // Every salon, also when a salon is picked (the scope then shows only that one): the form adds users to any salon.
        var choices = caller.Role == Role.SuperAdmin ? await directory.PlatformAsync(cancellationToken) : [];
        return new UserList(users.Select(u => new UserRow(u.Id, u.Email, u.DisplayName, u.FirstName, u.LastName, u.Role, u.TenantId,
            u.TenantId is { } t ? salons.GetValueOrDefault(t) : null, u.Active, u.LastLoginAt, locked.GetValueOrDefault(u.Id))).ToList(), zone.Id, choices);
    }
}
