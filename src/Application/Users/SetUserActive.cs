using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Users;

/// <summary>
/// Deactivates a user (they cannot sign in; their security stamp changes) or activates them again, audited.
/// Another salon's user is 404; nobody deactivates themselves, and nobody the last active super_admin.
/// </summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record SetUserActive(long Id, bool Active, Guid? TenantId = null) : IRequest<Unit>, IAllowsAllTenants;

public sealed class SetUserActiveValidator : AbstractValidator<SetUserActive>
{
    public SetUserActiveValidator(ICurrentUser caller) =>
        RuleFor(x => x.Id).Must(id => id != caller.UserId).WithMessage("Нельзя отключить самого себя.");
}

public sealed class SetUserActiveHandler(IDashboardDb db, IPlatformOwners owners, ICurrentUser caller, TimeProvider clock) : IRequestHandler<SetUserActive, Unit>
{
    public async Task<Unit> Handle(SetUserActive request, CancellationToken cancellationToken)
    {
        // The users filter shows an admin only their salon's users (and never a super_admin): the rest is 404.
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Пользователь не найден.");
        if (user.Active == request.Active) return Unit.Value;
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (request.Active)
        {
            user.Activate(now);
            // Switching a user back on also lifts their lockouts: the admin's way to let them in at once.
            await db.SignInLockouts.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            // Checked under a lock held until this commits: two owners switching each other off at once must not both succeed.
            if (user.Role == Role.SuperAdmin && !(await owners.LockActiveAsync(cancellationToken)).Any(id => id != user.Id))
                throw new ValidationException([new ValidationFailure(nameof(SetUserActive.Id),
                    "Нельзя отключить последнего активного владельца платформы (super_admin): сначала добавьте или включите другого.")]);
            user.Deactivate(now);
        }
        db.Audits.Add(Audit.Entry(caller, now, request.Active ? AuditActions.ActivateUser : AuditActions.DeactivateUser,
            $"{(request.Active ? "Включён" : "Отключён")} пользователь {user.Email}", caller.UserId, user.TenantId,
            new() { ["email"] = user.Email }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
