namespace AgentP.Domain.Dashboard;

/// <summary>
/// One sign-in, kept on the server (<c>dashboard.user_sessions</c>); the auth cookie carries its id. Signing out revokes
/// it, so a copy of the cookie stops working at once, and it ends a fixed time after sign-in however active the user
/// is (the cookie itself slides with activity).
/// </summary>
public sealed class UserSession
{
    /// <summary>A sign-in without "remember me": a working day, while the cookie slides 8 hours with activity.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>A "remember me" sign-in.</summary>
    public static readonly TimeSpan RememberedLifetime = TimeSpan.FromDays(14);

    private UserSession() { }

    public Guid Id { get; private set; }
    public long UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static UserSession Start(long userId, bool remembered, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now + (remembered ? RememberedLifetime : Lifetime),
    };

    public bool IsValid(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
