using AgentP.Application.Common;
using AgentP.Application.Dialogs;
using AgentP.Infrastructure.Retention;
using Microsoft.Extensions.Options;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using AgentP.Infrastructure.Clients;
using Npgsql;

namespace AgentP.Infrastructure.Dialogs;

/// <summary>
/// The SQL behind <see cref="IndexDialogs"/>: a primary-key range of the bot's dialogs above the indexed ones, each
/// with its response times from its messages (idx_history_session) by the collector's own fragment.
/// </summary>
public sealed class DialogIndex(DashboardDbContext db, IOptions<DashboardOptions> options) : IDialogIndex
{
    /// <summary>
    /// The index's mark, the highest dialog id it holds: every dialog at or below it is indexed, those above are read live.
    /// The one definition of it, for every statement that splits dialogs at the mark (the collector's, the heatmap's, the
    /// indexer's own), read in the system's scope; pages read <see cref="IndexedUpToAsync"/>, the rollups' mark.
    /// </summary>
    public const string Mark = """SELECT coalesce(max(session_id), 0) AS "Value" FROM dashboard.dialog_facts""";

    // What the sessions list filters, shows and searches, from the bot's row (alias s): the meta keys as the collector reads
    // them (a string, else none); the staff filter's key as containment matched it (the name when the key is there, else the
    // id, a string or a whole number ≥ 0 as its digits); the summary the list shows, and the final summary only when it
    // differs from what is shown (the search reads both).
    private const string ListColumns = """
        channel, status, intent, duration_sec, messages_count, booking_id, booking_amount, booking_currency, sentiment, stage,
        services, staff, summary, final_summary
        """;

    private const string ListValues = """
        s.channel, s.final_status, s.final_intent, s.duration_sec, s.messages_count, s.booking_id, s.booking_amount, s.booking_currency,
        CASE WHEN jsonb_typeof(s.meta->'sentiment') = 'string' THEN s.meta->>'sentiment' END,
        CASE WHEN jsonb_typeof(s.meta->'drop_off_stage') = 'string' THEN s.meta->>'drop_off_stage' END,
        CASE WHEN jsonb_typeof(s.meta->'services_mentioned') = 'array' THEN
          ARRAY(SELECT e #>> '{}' FROM jsonb_array_elements(s.meta->'services_mentioned') e WHERE jsonb_typeof(e) = 'string') END,
        CASE
          WHEN s.meta ? 'staff_name' THEN CASE WHEN jsonb_typeof(s.meta->'staff_name') = 'string' THEN s.meta->>'staff_name' END
          WHEN jsonb_typeof(s.meta->'staff_id') = 'string' THEN s.meta->>'staff_id'
          WHEN jsonb_typeof(s.meta->'staff_id') = 'number' AND (s.meta->'staff_id')::numeric >= 0
               AND (s.meta->'staff_id')::numeric < 9223372036854775808
               AND (s.meta->'staff_id')::numeric = trunc((s.meta->'staff_id')::numeric)
            THEN trunc((s.meta->'staff_id')::numeric)::text END,
        coalesce(s.summary, s.final_summary),
        CASE WHEN s.summary IS NOT NULL THEN s.final_summary END
        """;

    // The chunk's dialogs into dialog_facts; those actually added (RETURNING: a second instance's same chunk adds none)
    // then count into their clients' rows of the client index (with the latest visit booked) and name their masters, in the same statement.
    private const string Index = $"""
        WITH s AS MATERIALIZED (
          SELECT id, session_id, tenant_id, user_id, started_at, booking_id, meta, channel, final_status, final_intent, duration_sec,
                 messages_count, booking_amount, booking_currency, summary, final_summary, booking_datetime, booking_status
          FROM public.conversation_sessions_v2
          WHERE id > ({Mark}) AND id < @stop_at
          ORDER BY id
          LIMIT @rows
        ),
        ins AS (
          INSERT INTO dashboard.dialog_facts (session_id, tenant_id, user_id, started_at, answered, response_ms_total,
                                              {ListColumns})
          SELECT s.id, s.tenant_id, s.user_id, s.started_at, r.answered, r.response_ms_total,
                 {ListValues}
          FROM s {DailyMetricsSql.DialogResponses}
          ON CONFLICT (session_id) DO NOTHING
          RETURNING session_id
        ),
        added AS (SELECT s.* FROM s JOIN ins ON ins.session_id = s.id),
        clients AS (
          INSERT INTO dashboard.client_facts (client_id, tenant_id, client_created_at, name, phone_digits, client_updated_at,
                                              first_dialog_at, last_dialog_at, dialogs, bookings, booked_until)
          SELECT c.id, c.tenant_id, c.created_at, c.full_name, {ClientIndex.Digits}, c.updated_at, min(a.started_at), max(a.started_at),
                 count(*)::int, count(a.booking_id)::int, max(a.booking_datetime) FILTER (WHERE {ClientIndex.BookedUntil})
          FROM added a
          JOIN public.clients_v2 c ON c.id = a.user_id
          GROUP BY c.id
          ORDER BY c.id
          ON CONFLICT (client_id) DO UPDATE SET
            first_dialog_at = least(client_facts.first_dialog_at, excluded.first_dialog_at),
            last_dialog_at = greatest(client_facts.last_dialog_at, excluded.last_dialog_at),
            dialogs = client_facts.dialogs + excluded.dialogs,
            bookings = client_facts.bookings + excluded.bookings,
            booked_until = greatest(client_facts.booked_until, excluded.booked_until)
          RETURNING 1
        ),
        staff AS (
          INSERT INTO dashboard.staff_names (tenant_id, staff_id, name, seen_at)
          SELECT DISTINCT ON (tenant_id, staff_id) tenant_id, staff_id, name, started_at
          FROM (SELECT tenant_id, regexp_replace(meta->>'staff_id', '^staff_', '') AS staff_id, btrim(meta->>'staff_name') AS name, started_at
                FROM added WHERE jsonb_typeof(meta->'staff_id') IN ('string', 'number') AND jsonb_typeof(meta->'staff_name') = 'string') x
          WHERE staff_id <> '' AND name <> ''
          ORDER BY tenant_id, staff_id, started_at DESC
          ON CONFLICT (tenant_id, staff_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at
            WHERE excluded.seen_at >= staff_names.seen_at
          RETURNING 1
        )
        SELECT count(*)::int AS "Value" FROM ins
        """;

    public async Task<long> IndexedUpToAsync(CancellationToken cancellationToken) =>
        // The rollups' mark, kept in a table without a tenant_id, so no salon's scope hides it: every dialog up to it is
        // indexed (the rollups count indexed dialogs only, in each chunk's own transaction). The max of dialog_facts would be,
        // under the row-level policies, the scope's salon's own highest dialog, and the live side would read from there.
        await db.Database.SqlQueryRaw<long>(DialogRollups.Mark + """ AS "Value" """).SingleAsync(cancellationToken);

    // The database's clock, as the bot's created_at defaults to it.
    private const string StopAt = $"""
        SELECT coalesce(min(s.id), 9223372036854775807) AS "Value"
        FROM public.conversation_sessions_v2 s
        WHERE s.id > ({Mark})
          AND s.created_at > now() - @settle
        """;

    public async Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>(StopAt, new NpgsqlParameter("settle", settle)).SingleAsync(cancellationToken);

    public async Task<int> IndexAsync(long stopAt, int rows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A chunk's cost estimate would start LLVM JIT, whose compiling takes longer than the work itself.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(ClientIndex.Lock, cancellationToken);
        // An empty dialog index (first run, or emptied to rebuild it) starts the clients' dialog counts again with it, in
        // this chunk's transaction under the lock: the counts are only ever those of the indexed dialogs.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE dashboard.client_facts SET first_dialog_at = NULL, last_dialog_at = NULL, dialogs = 0, bookings = 0, booked_until = NULL
            WHERE NOT EXISTS (SELECT 1 FROM dashboard.dialog_facts) AND (dialogs > 0 OR first_dialog_at IS NOT NULL OR booked_until IS NOT NULL)
            """, cancellationToken);
        // ADO.NET: a WITH that writes must be the statement's top level, which EF's SqlQuery would wrap in a subquery.
        await using var command = ClientIndex.Command(db, Index);
        command.Parameters.AddWithValue("stop_at", stopAt);
        command.Parameters.AddWithValue("rows", rows);
        var indexed = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        await DialogRollups.AddAsync(db, await RetentionRollups.ZonesAsync(db, options.Value.DefaultTimeZone, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return indexed;
    }
}
