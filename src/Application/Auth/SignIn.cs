using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Auth;

public sealed record SignIn(string Email, string Password) : IRequest<SignInResult>;

public enum SignInOutcome { Success, InvalidCredentials, LockedOut, Inactive }

public sealed record SignInResult(SignInOutcome Outcome, SignedInUser? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>What the auth cookie carries about the user.</summary>
public sealed record SignedInUser(long Id, string Email, string DisplayName, Role Role, Guid? TenantId, string? TenantName, string SecurityStamp);

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Введите e-mail.").MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Введите пароль.").MaximumLength(256);
    }
}

/// <summary>
/// Checks the password, keeps the lockout count in <c>dashboard.users</c> (so it holds across restarts and
/// instances) and audits every attempt. An unknown e-mail costs one bcrypt verification too, so its answer
/// and timing match a wrong password.
/// </summary>
public sealed class SignInHandler(IDashboardDb db, IPublicData bot, IPasswordHasher hasher, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<SignIn, SignInResult>
{
    public async Task<SignInResult> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = DashboardUser.NormalizeEmail(request.Email);
        // Sign-in precedes any tenant scope: the e-mail alone finds the account.
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);

        if (user is null)
        {
            hasher.SpendVerificationTime(request.Password);
            return await Fail(null, null, "unknown_email", SignInOutcome.InvalidCredentials);
        }
        if (user.IsLockedOut(now))
            return await Fail(user.Id, user.TenantId, "locked_out", SignInOutcome.LockedOut, user.LockedUntil);

        if (!hasher.Verify(request.Password, user.EncryptedPassword))
        {
            user.RecordFailedLogin(now);
            return user.IsLockedOut(now)
                ? await Fail(user.Id, user.TenantId, "wrong_password_locked", SignInOutcome.LockedOut, user.LockedUntil)
                : await Fail(user.Id, user.TenantId, "wrong_password", SignInOutcome.InvalidCredentials);
        }
        if (!user.Active)
            return await Fail(user.Id, user.TenantId, "inactive", SignInOutcome.Inactive);

        user.RecordSuccessfulLogin(now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.Login, $"Вход: {user.Email}", user.Id, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);

        // The user's own salon, read before any tenant scope exists: the id comes from their own row.
        var tenantName = user.TenantId is { } tenantId
            ? await bot.Tenants.IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SignInResult(SignInOutcome.Success,
            new SignedInUser(user.Id, user.Email, user.DisplayName, user.Role, user.TenantId, tenantName, user.SecurityStamp));

        async Task<SignInResult> Fail(long? userId, Guid? tenantId, string reason, SignInOutcome outcome, DateTimeOffset? lockedUntil = null)
        {
            db.Audits.Add(Audit.Entry(caller, now, AuditActions.LoginFailed, $"Неудачный вход: {email}", userId, tenantId,
                new() { ["email"] = email, ["reason"] = reason }));
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(outcome, LockedUntil: lockedUntil);
        }
    }
}
