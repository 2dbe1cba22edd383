namespace AgentP.Domain.Dashboard;

/// <summary>
/// Failed sign-ins of one user from one client address (<c>dashboard.sign_in_lockouts</c>): the fifth in a row locks
/// that address out of that account for <see cref="Window"/>. Counted per address so that a stranger's guesses lock
/// out the stranger, never the owner signing in from elsewhere.
/// </summary>
public sealed class SignInLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private SignInLockout() { }

    public long UserId { get; private set; }
    /// <summary>The address as <c>ClientAddressKey</c> keys it (an IPv6 client by its /64).</summary>
    public string ClientAddress { get; private set; } = "";
    /// <summary>Failures since the last success or lockout; attempts during a lockout neither count nor extend it.</summary>
    public int FailedCount { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
