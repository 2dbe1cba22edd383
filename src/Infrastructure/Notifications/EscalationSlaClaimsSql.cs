using AgentP.Application.Notifications;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Notifications;

/// <summary>
/// One upsert claims a case's answer-target message: the row is created claimed, or an unsent row whose claim is stale is
/// claimed again; a row sent or freshly claimed by another run is left alone, and RETURNING says which happened.
/// </summary>
public sealed class EscalationSlaClaimsSql(DashboardDbContext db) : IEscalationSlaClaims
{
    public async Task<bool> ClaimAsync(long caseId, Guid tenantId, DateTimeOffset now, DateTimeOffset stale, CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQuery<long>($"""
            INSERT INTO dashboard.escalation_sla_notices AS n (case_id, tenant_id, claimed_at) VALUES ({caseId}, {tenantId}, {now})
            ON CONFLICT (case_id) DO UPDATE SET claimed_at = excluded.claimed_at, note = NULL
              WHERE n.sent_at IS NULL AND (n.claimed_at IS NULL OR n.claimed_at < {stale})
            RETURNING n.case_id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 1;
    }
}
