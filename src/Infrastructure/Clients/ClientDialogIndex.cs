using AgentP.Application.Clients;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Clients;

/// <summary>The copy behind <see cref="IndexClientDialogs"/>: primary-key range scans of the bot's dialogs above the copied ids.</summary>
public sealed class ClientDialogIndex(DashboardDbContext db) : IClientDialogIndex
{
    public async Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken) =>
        // The database's clock, as the bot's created_at defaults to it.
        await db.Database.SqlQuery<long>($"""
            SELECT coalesce(min(s.id), 9223372036854775807) AS "Value"
            FROM public.conversation_sessions_v2 s
            WHERE s.id > (SELECT coalesce(max(session_id), 0) FROM dashboard.client_dialogs)
              AND s.created_at > now() - {settle}
            """).SingleAsync(cancellationToken);

    public Task<int> CopyAsync(long stopAt, int rows, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO dashboard.client_dialogs (session_id, tenant_id, user_id, started_at)
            SELECT s.id, s.tenant_id, s.user_id, s.started_at
            FROM public.conversation_sessions_v2 s
            WHERE s.id > (SELECT coalesce(max(session_id), 0) FROM dashboard.client_dialogs) AND s.id < {stopAt}
            ORDER BY s.id
            LIMIT {rows}
            ON CONFLICT (session_id) DO NOTHING
            """, cancellationToken);
}
