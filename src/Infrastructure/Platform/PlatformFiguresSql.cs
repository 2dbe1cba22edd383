using AgentP.Application.Platform;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Platform;

/// <summary>
/// Every active salon's collected days of a range summed, in one statement by the unique (tenant_id, day) index: SQL, so the
/// tenant filter of the request's scope does not narrow it (docs/architecture.md §6: what is read platform-wide is read behind
/// a port). Only counts leave it, and only to compute percentiles. The database's row-level policies would narrow it to the
/// scope's salon too, so the statement runs in a transaction of its own whose setting says all salons (<c>set_config(…, true)</c>:
/// it ends with the transaction, and the connection goes back to the unit of work's scope).
/// </summary>
public sealed class PlatformFiguresSql(DashboardDbContext db) : IPlatformFigures
{
    public async Task<IReadOnlyList<SalonFigures>> OfAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("The platform's figures are read in a transaction of their own.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('app.tenant_id', 'all', true)", cancellationToken);
        var figures = await db.Database.SqlQuery<SalonFigures>($"""
            SELECT m.tenant_id, sum(m.dialogs_started)::bigint AS dialogs, sum(m.bookings)::bigint AS bookings, sum(m.escalated)::bigint AS escalated,
                   sum(m.answered_messages)::bigint AS answered_messages, sum(m.avg_response_ms::float8 * m.answered_messages) AS response_ms_total
            FROM dashboard.metrics_dailies m
            JOIN public.tenants_v2 t ON t.id = m.tenant_id AND t.is_active
            WHERE m.day BETWEEN {from} AND {to}
            GROUP BY m.tenant_id
            HAVING sum(m.dialogs_started) > 0
            """).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return figures;
    }
}
