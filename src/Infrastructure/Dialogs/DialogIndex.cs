using AgentP.Application.Dialogs;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Infrastructure.Dialogs;

/// <summary>
/// The SQL behind <see cref="IndexDialogs"/>: a primary-key range of the bot's dialogs above the indexed ones, each
/// with its response times from its messages (idx_history_session) by the collector's own fragment.
/// </summary>
public sealed class DialogIndex(DashboardDbContext db) : IDialogIndex
{
    private const string Index = $"""
        INSERT INTO dashboard.dialog_facts (session_id, tenant_id, user_id, started_at, answered, response_ms_total)
        SELECT s.id, s.tenant_id, s.user_id, s.started_at, r.answered, r.response_ms_total
        FROM (SELECT id, session_id, tenant_id, user_id, started_at
              FROM public.conversation_sessions_v2
              WHERE id > (SELECT coalesce(max(session_id), 0) FROM dashboard.dialog_facts) AND id < @stop_at
              ORDER BY id
              LIMIT @rows) s
        {DailyMetricsSql.DialogResponses}
        ON CONFLICT (session_id) DO NOTHING
        """;

    public async Task<long> IndexedUpToAsync(CancellationToken cancellationToken) =>
        // Raw SQL: the max of the primary key over every salon (one index probe), whatever the unit of work's scope.
        await db.Database.SqlQuery<long>($"""SELECT coalesce(max(session_id), 0) AS "Value" FROM dashboard.dialog_facts""")
            .SingleAsync(cancellationToken);

    public async Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken) =>
        // The database's clock, as the bot's created_at defaults to it.
        await db.Database.SqlQuery<long>($"""
            SELECT coalesce(min(s.id), 9223372036854775807) AS "Value"
            FROM public.conversation_sessions_v2 s
            WHERE s.id > (SELECT coalesce(max(session_id), 0) FROM dashboard.dialog_facts)
              AND s.created_at > now() - {settle}
            """).SingleAsync(cancellationToken);

    public async Task<int> IndexAsync(long stopAt, int rows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A chunk's cost estimate would start LLVM JIT, whose compiling takes longer than the work itself.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
        var indexed = await db.Database.ExecuteSqlRawAsync(Index,
            [new NpgsqlParameter("stop_at", stopAt), new NpgsqlParameter("rows", rows)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return indexed;
    }
}
