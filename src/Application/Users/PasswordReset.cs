using System.Security.Cryptography;
using System.Text;
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
/// An admin makes a one-time password reset link for a user of their salon: valid 24 h, its token stored only as a
/// SHA-256 hash, returned once to be passed on. Making a new link replaces the previous one.
/// </summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record CreatePasswordResetLink(long Id, Guid? TenantId = null) : IRequest<string>, IAllowsAllTenants;

public sealed class CreatePasswordResetLinkHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<CreatePasswordResetLink, string>
{
    public async Task<string> Handle(CreatePasswordResetLink request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Пользователь не найден.");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        user.StartPasswordReset(PasswordResetTokens.Hash(token), now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.PasswordResetLink, $"Ссылка для смены пароля: {user.Email}", caller.UserId, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}

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

public static class PasswordResetTokens
{
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
