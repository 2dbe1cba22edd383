using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Dashboard;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Users;

/// <summary>Sets a new password through a reset link (no sign-in needed); the link works once, within 24 h.</summary>
public sealed record ResetPassword(string? Token, string? New, string? Confirm) : IRequest<Unit>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(100).WithMessage("Ссылка неверна или устарела.");
        RuleFor(x => x.New).StrongPassword("Введите новый пароль.");
        RuleFor(x => x.Confirm).Equal(x => x.New).WithMessage("Пароли не совпадают.");
    }
}

public sealed class ResetPasswordHandler(IDashboardDb db, IPasswordHasher hasher, ICurrentUser caller, TimeProvider clock) : IRequestHandler<ResetPassword, Unit>
{
    public async Task<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var hash = PasswordResetTokens.Hash(request.Token!);
        var now = clock.GetUtcNow();
        // No sign-in yet, so no salon scope: the token itself identifies the account.
        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.ResetPasswordToken == hash, cancellationToken);
        if (user is null || !user.ResetLinkValid(now) || !user.Active)
            throw new ValidationException([new ValidationFailure(nameof(ResetPassword.Token), "Ссылка неверна или устарела: попросите администратора сделать новую.")]);
        if (string.Equals(request.New, user.Email, StringComparison.OrdinalIgnoreCase))
            throw new ValidationException([new ValidationFailure(nameof(ResetPassword.New), "Новый пароль не должен совпадать с e-mail или с текущим паролем.")]);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        user.CompletePasswordReset(hasher.Hash(request.New!), now);
        // A new password from the admin's link opens every address again.
        await db.SignInLockouts.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.PasswordReset, $"Пароль задан по ссылке: {user.Email}", user.Id, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
