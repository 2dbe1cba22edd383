using AgentP.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Auth;

/// <summary>
/// Is a sign-in (its user id and security stamp, from the cookie) still good? No once the user was deactivated or
/// their password or role changed. Sent by the cookie validation before the principal is trusted, hence no [Authorize].
/// </summary>
public sealed record CheckSignIn(long UserId, string? SecurityStamp) : IRequest<bool>;

public sealed class CheckSignInHandler(IDashboardDb db) : IRequestHandler<CheckSignIn, bool>
{
    public Task<bool> Handle(CheckSignIn request, CancellationToken cancellationToken) =>
        db.Users.IgnoreQueryFilters().AnyAsync(u => u.Id == request.UserId && u.Active && u.SecurityStamp == request.SecurityStamp, cancellationToken);
}
