using AgentP.Application.Clients;
using AgentP.Application.Dialogs;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Clients;

/// <summary>
/// The SQL behind the client index (<see cref="IndexDialogs"/>): clients and memory changed since their marks, by
/// <c>updated_at</c> in (updated_at, id) order. The bot's tables have no index on <c>updated_at</c>, so a chunk reads the
/// table once (a job's cost, every minute; the pages read only <c>dashboard.client_facts</c>). Every write of the client
/// index, the dialog chunks' included, first takes one transaction-level advisory lock, so two instances or the verb beside
/// the job take turns rather than deadlock; every write sets values derived from the bot's row (or, for dialogs, adds only
/// what dialog_facts newly took), so a rerun changes nothing.
/// </summary>
public sealed class ClientIndex(DashboardDbContext db) : IClientIndex
{
    internal const string Lock = "SELECT pg_advisory_xact_lock(73460017)";

    /// <summary>How far the index has read a source (<c>@source</c>): the one reader of its mark, for both sources' chunks.</summary>
    private const string Mark = "SELECT coalesce(max(updated_to), '-infinity') FROM dashboard.client_index_marks WHERE source = @source";

    /// <summary>
    /// Whether a dialog (alias a, the bot's columns) books a visit of its client (alias c): a booking time, not cancelled, in
    /// the client's own salon. The latest such time is <c>client_facts.booked_until</c>; the due list reads the dialogs above
    /// the index's mark by the same rule (<see cref="ClientSql"/>).
    /// </summary>
    internal const string BookedUntil = "a.booking_datetime IS NOT NULL AND coalesce(a.booking_status, '') <> 'cancelled' AND a.tenant_id = c.tenant_id";

    /// <summary>The phone's digits of clients_v2 (alias c), null without any.</summary>
    internal const string Digits = @"nullif(regexp_replace(coalesce(c.phone, ''), '\D', '', 'g'), '')";

    private const string Clients = $"""
        WITH chunk AS MATERIALIZED (
          SELECT c.id, c.tenant_id, c.created_at, c.full_name, {Digits} AS digits, c.updated_at
          FROM public.clients_v2 c
          WHERE c.updated_at >= ({Mark}) - @settle
            AND (@after_at::timestamptz IS NULL OR (c.updated_at, c.id) > (@after_at::timestamptz, @after_id::uuid))
          ORDER BY c.updated_at, c.id
          LIMIT @rows
        ),
        up AS (
          INSERT INTO dashboard.client_facts (client_id, tenant_id, client_created_at, name, phone_digits, client_updated_at, dialogs, bookings)
          SELECT id, tenant_id, created_at, full_name, digits, updated_at, 0, 0 FROM chunk ORDER BY id
          ON CONFLICT (client_id) DO UPDATE SET tenant_id = excluded.tenant_id, client_created_at = excluded.client_created_at,
            name = excluded.name, phone_digits = excluded.phone_digits, client_updated_at = excluded.client_updated_at
          RETURNING 1
        ),
        mark AS (
          INSERT INTO dashboard.client_index_marks (source, updated_to, caught_up)
          SELECT @source, least(max(updated_at), now()), false FROM chunk HAVING count(*) > 0 -- a row dated ahead never moves the mark past now
          ON CONFLICT (source) DO UPDATE SET updated_to = greatest(client_index_marks.updated_to, excluded.updated_to)
          RETURNING 1
        )
        SELECT count(*)::int, max(updated_at), (array_agg(id::text ORDER BY updated_at DESC, id DESC))[1] FROM chunk
        """;

    private const string Memory = $"""
        WITH chunk AS MATERIALIZED (
          SELECT l.id, l.tenant_id, l.user_id, l.updated_at, v.last_visit, v.visit_interval
          FROM public.user_ltm_v2 l {ClientSql.Visit}
          WHERE l.updated_at >= ({Mark}) - @settle
            AND (@after_at::timestamptz IS NULL OR (l.updated_at, l.id) > (@after_at::timestamptz, @after_id::bigint))
          ORDER BY l.updated_at, l.id
          LIMIT @rows
        ),
        up AS (
          INSERT INTO dashboard.client_facts (client_id, tenant_id, client_created_at, name, phone_digits, client_updated_at, dialogs, bookings,
                                              last_visit, visit_interval, due_on, memory_updated_at)
          SELECT DISTINCT ON (c.id) c.id, c.tenant_id, c.created_at, c.full_name, {Digits}, c.updated_at, 0, 0,
                 k.last_visit, k.visit_interval, k.last_visit + k.visit_interval, k.updated_at
          FROM chunk k JOIN public.clients_v2 c ON c.id = k.user_id AND c.tenant_id = k.tenant_id -- memory's unique key, as the live side reads it
          ORDER BY c.id, k.updated_at DESC
          ON CONFLICT (client_id) DO UPDATE SET last_visit = excluded.last_visit, visit_interval = excluded.visit_interval,
            due_on = excluded.due_on, memory_updated_at = excluded.memory_updated_at
          RETURNING 1
        ),
        mark AS (
          INSERT INTO dashboard.client_index_marks (source, updated_to, caught_up)
          SELECT @source, least(max(updated_at), now()), false FROM chunk HAVING count(*) > 0 -- a row dated ahead never moves the mark past now
          ON CONFLICT (source) DO UPDATE SET updated_to = greatest(client_index_marks.updated_to, excluded.updated_to)
          RETURNING 1
        )
        SELECT count(*)::int, max(updated_at), (array_agg(id::text ORDER BY updated_at DESC, id DESC))[1] FROM chunk
        """;

    public async Task<(int Rows, ChangeKey? Last)> IndexChangesAsync(ClientIndexSource source, ChangeKey? after, int rows, TimeSpan settle,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(Lock, cancellationToken);
        await using var command = Command(db, source == ClientIndexSource.Clients ? Clients : Memory);
        command.Parameters.AddWithValue("source", Name(source));
        command.Parameters.AddWithValue("settle", settle);
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.UpdatedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Text) { Value = (object?)after?.Id ?? DBNull.Value });
        int count;
        ChangeKey? last = null;
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            await r.ReadAsync(cancellationToken);
            count = r.GetInt32(0);
            if (count > 0) last = new ChangeKey(r.GetFieldValue<DateTimeOffset>(1), r.GetString(2));
        }
        await transaction.CommitAsync(cancellationToken);
        return (count, last);
    }

    public async Task MarkCaughtUpAsync(ClientIndexSource source, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO dashboard.client_index_marks (source, updated_to, caught_up) VALUES ({Name(source)}, '-infinity', true)
            ON CONFLICT (source) DO UPDATE SET caught_up = true
            """, cancellationToken);

    public async Task<bool> ReadyAsync(CancellationToken cancellationToken) =>
        // Raw SQL: platform-wide, not tenant data, whatever the unit of work's scope.
        await db.Database.SqlQuery<bool>($"""
            SELECT count(*) FILTER (WHERE caught_up) = 2 AS "Value" FROM dashboard.client_index_marks WHERE source IN ('clients', 'memory')
            """).SingleAsync(cancellationToken);

    private static string Name(ClientIndexSource source) => source == ClientIndexSource.Clients ? "clients" : "memory";

    /// <summary>A command on the context's connection, in its transaction when one is open.</summary>
    internal static NpgsqlCommand Command(DashboardDbContext db, string sql) =>
        new(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
}
