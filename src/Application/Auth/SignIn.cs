using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using AgentP.Application.Tenants;
namespace AgentP.Application.Auth;

/// <summary>Signs in; <paramref name="RememberMe"/> makes the session last 14 days instead of a working day.</summary>
public sealed record SignIn(string Email, string Password, bool RememberMe = false) : IRequest<SignInResult>;

/// <summary>
/// The signed-in user, or null: a wrong password, an unknown e-mail, a deactivated account and a locked-out address
/// answer alike (the reason is audited), so the sign-in form tells nobody which accounts exist or are locked.
/// </summary>
public sealed record SignInResult(SignedInUser? User)
{
    public bool Succeeded => User is not null;
}

/// <summary>What the auth cookie carries about the user, and which server-side session it is (<see cref="UserSession"/>).</summary>
public sealed record SignedInUser(long Id, string Email, string DisplayName, Role Role, Guid? TenantId, string? TenantName, string SecurityStamp,
    Guid SessionId, DateTimeOffset SessionExpiresAt);

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Введите e-mail.").MaximumLength(254).NoControlCharacters();
        RuleFor(x => x.Password).NotEmpty().WithMessage("Введите пароль.").MaximumLength(256);
    }
}

/// <summary>
/// Checks the password and audits every attempt. Failures are counted per account and client address
/// (<see cref="SignInLockout"/>, kept in the database so it holds across restarts and instances): five lock that address
/// out of the account for 15 minutes, and nobody else. Every attempt costs one bcrypt verification — against a decoy for
/// an unknown e-mail, and also when the address is locked — so neither the answer nor its timing tells the cases apart.
/// </summary>
public sealed class SignInHandler(IDashboardDb db, SalonDirectory salons, IPasswordHasher hasher, ISignInLockouts lockouts, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<SignIn, SignInResult>
{
    private static readonly SignInResult Refused = new((SignedInUser?)null);

    public async Task<SignInResult> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = DashboardUser.NormalizeEmail(request.Email);
        var address = ClientAddressKey.Of(caller.IpAddress);
        // Sign-in precedes any tenant scope: the e-mail alone finds the account.
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);

        if (user is null)
        {
            hasher.SpendVerificationTime(request.Password);
            return await FailAsync(null, null, "unknown_email");
        }
        var passwordMatches = hasher.Verify(request.Password, user.EncryptedPassword);

        // The count, the audit row and a success's reset commit together.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await lockouts.HoldAsync(user.Id, address, cancellationToken);
        if (await db.SignInLockouts.AnyAsync(l => l.UserId == user.Id && l.ClientAddress == address && l.LockedUntil > now, cancellationToken))
            return await FailAsync(user.Id, user.TenantId, "locked_out", transaction);
        if (!passwordMatches)
        {
            var lockedUntil = await lockouts.CountFailureAsync(user.Id, address, now, cancellationToken);
            return await FailAsync(user.Id, user.TenantId, lockedUntil is null ? "wrong_password" : "wrong_password_locked", transaction);
        }
        if (!user.Active)
            return await FailAsync(user.Id, user.TenantId, "inactive", transaction);

        await db.SignInLockouts.Where(l => l.UserId == user.Id && l.ClientAddress == address).ExecuteDeleteAsync(cancellationToken);
        // The user's ended sessions go as a new one starts: the table holds live sessions and a few stale ones, no history.
        await db.UserSessions.Where(x => x.UserId == user.Id && (x.ExpiresAt <= now || x.RevokedAt != null)).ExecuteDeleteAsync(cancellationToken);
        var session = UserSession.Start(user.Id, request.RememberMe, now);
        db.UserSessions.Add(session);
        user.RecordSuccessfulLogin(now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.Login, $"Вход: {user.Email}", user.Id, user.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The user's own salon, read before any tenant scope exists: the id comes from their own row.
        var tenantName = user.TenantId is { } tenantId
            ? await salons.NameAsync(tenantId, cancellationToken)
            : null;
        return new SignInResult(new SignedInUser(user.Id, user.Email, user.DisplayName, user.Role, user.TenantId, tenantName, user.SecurityStamp,
            session.Id, session.ExpiresAt));

        async Task<SignInResult> FailAsync(long? userId, Guid? tenantId, string reason, IDbContextTransaction? transaction = null)
        {
            db.Audits.Add(Audit.Entry(caller, now, AuditActions.LoginFailed, $"Неудачный вход: {email}", userId, tenantId,
                new() { ["email"] = email, ["reason"] = reason }));
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return Refused;
        }
    }
}
