using AgentP.Application.Auth;
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

public sealed class ChangePasswordHandler(IDashboardDb db, IPasswordHasher hasher, ISignInLockouts lockouts, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<ChangePassword, string>
{
    /// <summary>
    /// Returns the new security stamp: other sign-ins of the user end, this one is re-issued with it. A wrong current
    /// password counts toward the sign-in lockout of this user and address (a borrowed session must not give unlimited
    /// guesses), and a locked address may not change the password either.
    /// </summary>
    public async Task<string> Handle(ChangePassword request, CancellationToken cancellationToken)
    {
        // The caller's own row, found by their id before any tenant scope (a super_admin has no salon).
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken)
            ?? throw new NotFoundException("Пользователь не найден.");
        var now = clock.GetUtcNow();
        var address = ClientAddressKey.Of(caller.IpAddress);
        // Verified before the transaction: bcrypt's quarter second must not hold a pooled connection.
        var matches = hasher.Verify(request.Current!, user.EncryptedPassword);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await lockouts.HoldAsync(user.Id, address, cancellationToken);
        if (await db.SignInLockouts.AnyAsync(l => l.UserId == user.Id && l.ClientAddress == address && l.LockedUntil > now, cancellationToken))
            throw Refused(nameof(ChangePassword.Current), "Слишком много неверных попыток: смена пароля и вход с этого адреса закрыты на 15 минут.");
        if (!matches)
        {
            await lockouts.CountFailureAsync(user.Id, address, now, cancellationToken);
            db.Audits.Add(Audit.Entry(caller, now, AuditActions.LoginFailed, $"Неверный текущий пароль при смене пароля: {user.Email}", user.Id, user.TenantId,
                new() { ["email"] = user.Email, ["reason"] = "wrong_current_password" }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            throw Refused(nameof(ChangePassword.Current), "Текущий пароль неверен.");
        }
        if (string.Equals(request.New, user.Email, StringComparison.OrdinalIgnoreCase) || request.New == request.Current)
            throw Refused(nameof(ChangePassword.New), "Новый пароль не должен совпадать с e-mail или с текущим паролем.");

        user.ChangePassword(hasher.Hash(request.New!), now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.ChangePassword, "Пароль изменён", user.Id, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.SecurityStamp;
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
