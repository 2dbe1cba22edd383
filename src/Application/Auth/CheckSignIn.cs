using AgentP.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Auth;

/// <summary>
/// Is a sign-in (user id, security stamp and session id, from the cookie) still good? No once it was signed out or ran
/// past its lifetime, or the user was deactivated or their password or role changed. Sent by the cookie validation on
/// every request before the principal is trusted, hence no [Authorize]: one primary-key lookup.
/// </summary>
public sealed record CheckSignIn(long UserId, string? SecurityStamp, Guid? SessionId) : IRequest<bool>;

public sealed class CheckSignInHandler(IDashboardDb db, TimeProvider clock) : IRequestHandler<CheckSignIn, bool>
{
    public Task<bool> Handle(CheckSignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The cookie's own user, before any tenant scope exists: its id comes from the signed cookie.
        return db.UserSessions.AnyAsync(s => s.Id == request.SessionId && s.UserId == request.UserId && s.RevokedAt == null && s.ExpiresAt > now
            && db.Users.IgnoreQueryFilters().Any(u => u.Id == s.UserId && u.Active && u.SecurityStamp == request.SecurityStamp), cancellationToken);
    }
}
