using AgentP.Application.Auth;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Auth;

/// <summary>
/// The lockout counter as one upsert on the primary key (user_id, client_address): read, increment and lock happen in
/// the database, so twelve guesses at once count twelve times, not as often as their reads happened to interleave.
/// </summary>
public sealed class SignInLockoutSql(DashboardDbContext db) : ISignInLockouts
{
    public async Task<DateTimeOffset?> CountFailureAsync(long userId, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + SignInLockout.Window;
        var rows = await db.Database.SqlQuery<LockedUntilRow>($"""
            INSERT INTO dashboard.sign_in_lockouts AS l (user_id, client_address, failed_count, locked_until, updated_at)
            VALUES ({userId}, {clientAddress}, 1, CASE WHEN 1 >= {SignInLockout.MaxFailures} THEN {until} END, {now})
            ON CONFLICT (user_id, client_address) DO UPDATE SET
                -- during a lockout an attempt neither counts nor extends it; the fifth failure locks and starts a new count
                failed_count = CASE WHEN l.locked_until > {now} THEN l.failed_count
                                    WHEN l.failed_count + 1 >= {SignInLockout.MaxFailures} THEN 0
                                    ELSE l.failed_count + 1 END,
                locked_until = CASE WHEN l.locked_until > {now} THEN l.locked_until
                                    WHEN l.failed_count + 1 >= {SignInLockout.MaxFailures} THEN {until} END,
                updated_at = {now}
            RETURNING l.locked_until AS "LockedUntil"
            """).ToListAsync(cancellationToken);
        return rows[0].LockedUntil is { } locked && locked > now ? locked : null;
    }

    public async Task HoldAsync(long userId, string clientAddress, CancellationToken cancellationToken) =>
        // A transaction-level advisory lock: the (user, address) row may not exist yet, so there is nothing to lock FOR UPDATE.
        await db.Database.SqlQuery<int>($"""
            SELECT 1 AS "Value" FROM (SELECT pg_advisory_xact_lock(hashtextextended({userId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + clientAddress}, 0))) held
            """).ToListAsync(cancellationToken);

    private sealed record LockedUntilRow(DateTimeOffset? LockedUntil);
}
