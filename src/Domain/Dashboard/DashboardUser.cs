using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A person who signs in to the dashboard (<c>dashboard.users</c>).</summary>
public sealed class DashboardUser
{
    private DashboardUser() { }

    public long Id { get; private set; }
    public string Email { get; private set; } = "";
    public string EncryptedPassword { get; private set; } = "";
    public string? ResetPasswordToken { get; private set; }
    public DateTimeOffset? ResetPasswordSentAt { get; private set; }
    public DateTimeOffset? RememberCreatedAt { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public Role Role { get; private set; }
    public bool Active { get; private set; }
    public Guid? TenantId { get; private set; }
    public DateTimeOffset? LastLoginAt { get; private set; }
    /// <summary>Changes whenever sign-ins made so far must stop being valid (password change, deactivation).</summary>
    public string SecurityStamp { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name ? name : Email;

    public static DashboardUser Create(string email, string passwordHash, Role role, Guid? tenantId, DateTimeOffset now,
        string? firstName = null, string? lastName = null)
    {
        if (role == Role.SuperAdmin && tenantId is not null)
            throw new ArgumentException("A super_admin belongs to no salon.", nameof(tenantId));
        if (role != Role.SuperAdmin && tenantId is null)
            throw new ArgumentException($"A {role.ToCode()} must belong to a salon.", nameof(tenantId));

        return new DashboardUser
        {
            Email = NormalizeEmail(email),
            EncryptedPassword = passwordHash,
            Role = role,
            TenantId = tenantId,
            FirstName = NormalizeName(firstName),
            LastName = NormalizeName(lastName),
            Active = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    // A blank name field means "no name": DisplayName then falls back to the e-mail.
    private static string? NormalizeName(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    /// <summary>Failed sign-ins are counted per client address in <see cref="SignInLockout"/>.</summary>
    public void RecordSuccessfulLogin(DateTimeOffset now)
    {
        LastLoginAt = now;
        UpdatedAt = now;
    }

    /// <summary>A new password ends the user's other sign-ins and voids an outstanding reset link (it was made for the old one).</summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        EncryptedPassword = passwordHash;
        SecurityStamp = Guid.NewGuid().ToString("N");
        VoidResetLink();
        UpdatedAt = now;
    }

    private void VoidResetLink()
    {
        ResetPasswordToken = null;
        ResetPasswordSentAt = null;
    }

    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Renames and, between the salon roles, re-roles the user. A super_admin stays a super_admin.</summary>
    public void Update(string? firstName, string? lastName, Role role, DateTimeOffset now)
    {
        if (Role == Role.SuperAdmin || role == Role.SuperAdmin)
            throw new InvalidOperationException("Only salon users (admin, staff) change role here.");
        FirstName = NormalizeName(firstName);
        LastName = NormalizeName(lastName);
        if (role != Role) SecurityStamp = Guid.NewGuid().ToString("N");
        Role = role;
        UpdatedAt = now;
    }

    /// <summary>Stores the hash of a one-time reset token (the token itself is shown once and never stored).</summary>
    public void StartPasswordReset(string tokenHash, DateTimeOffset now)
    {
        ResetPasswordToken = tokenHash;
        ResetPasswordSentAt = now;
        UpdatedAt = now;
    }

    public bool ResetLinkValid(DateTimeOffset now) => ResetPasswordToken is not null && ResetPasswordSentAt is { } sent && now - sent < ResetLinkLifetime;

    /// <summary>The link's own password: like any change, it uses the link up.</summary>
    public void CompletePasswordReset(string passwordHash, DateTimeOffset now) => ChangePassword(passwordHash, now);

    public void Activate(DateTimeOffset now)
    {
        Active = true;
        UpdatedAt = now;
    }

    /// <summary>Ends the user's sign-ins and voids an outstanding reset link, so switching them on again revives neither.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        Active = false;
        SecurityStamp = Guid.NewGuid().ToString("N");
        VoidResetLink();
        UpdatedAt = now;
    }
}
