using AgentP.Application.Users;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Users;

/// <summary>
/// <c>SELECT … FOR UPDATE</c> over the active super_admins, in the caller's transaction. Under READ COMMITTED a count
/// alone would let two owners switch each other off at once, each counting the other as still active.
/// </summary>
public sealed class PlatformOwnersSql(DashboardDbContext db) : IPlatformOwners
{
    public async Task<IReadOnlyList<long>> LockActiveAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM dashboard.users WHERE role = 'super_admin' AND active ORDER BY id FOR UPDATE
            """).ToListAsync(cancellationToken);
}
