using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Users;
using AgentP.Domain.Dashboard;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Account;

/// <summary>Changes the signed-in user's own password (the current one required); audited, security stamp renewed.</summary>
[Authorize]
public sealed record ChangePassword(string? Current, string? New, string? Confirm) : IRequest<string>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.Current).NotEmpty().WithMessage("Введите текущий пароль.");
        RuleFor(x => x.New).StrongPassword("Введите новый пароль.");
        RuleFor(x => x.Confirm).Equal(x => x.New).WithMessage("Пароли не совпадают.");
    }
}

public sealed class ChangePasswordHandler(IDashboardDb db, IPasswordHasher hasher, ICurrentUser caller, TimeProvider clock) : IRequestHandler<ChangePassword, string>
{
    /// <summary>Returns the new security stamp: other sign-ins of the user end, this one is re-issued with it.</summary>
    public async Task<string> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Пользователь не найден.");
        if (!hasher.Verify(request.Current!, user.EncryptedPassword))
            throw new ValidationException([new ValidationFailure(nameof(ChangePassword.Current), "Текущий пароль неверен.")]);
        if (string.Equals(request.New, user.Email, StringComparison.OrdinalIgnoreCase) || request.New == request.Current)
            throw new ValidationException([new ValidationFailure(nameof(ChangePassword.New), "Новый пароль не должен совпадать с e-mail или с текущим паролем.")]);

        var now = clock.GetUtcNow();
        user.ChangePassword(hasher.Hash(request.New!), now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.ChangePassword, "Пароль изменён", user.Id, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        return user.SecurityStamp;
    }
}
