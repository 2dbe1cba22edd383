using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Users;

/// <summary>
/// An admin makes a one-time password reset link for a user of their salon: valid 24 h, its token stored only as a
/// SHA-256 hash, returned once to be passed on. Making a new link replaces the previous one.
/// </summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record CreatePasswordResetLink(long Id, Guid? TenantId = null) : IRequest<PasswordResetLink>, IAllowsAllTenants;

/// <summary>The link to pass on: absolute from <see cref="DashboardOptions.PublicBaseUrl"/>, else only its path.</summary>
public sealed record PasswordResetLink(string Url, bool Absolute);

public sealed class CreatePasswordResetLinkHandler(IDashboardDb db, ICurrentUser caller, IOptions<DashboardOptions> options, TimeProvider clock)
    : IRequestHandler<CreatePasswordResetLink, PasswordResetLink>
{
    public async Task<PasswordResetLink> Handle(CreatePasswordResetLink request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Пользователь не найден.");
        var token = PasswordResetTokens.New();
        var now = clock.GetUtcNow();
        user.StartPasswordReset(PasswordResetTokens.Hash(token), now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.PasswordResetLink, $"Ссылка для смены пароля: {user.Email}", caller.UserId, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);

        // Never from the request's Host header: whoever can forge it would receive the user's new password.
        var path = $"/account/reset?token={token}";
        return options.Value.PublicBaseUrl is { Length: > 0 } baseUrl
            ? new PasswordResetLink(baseUrl.TrimEnd('/') + path, Absolute: true)
            : new PasswordResetLink(path, Absolute: false);
    }
}
