using System.Runtime.CompilerServices;
using AgentP.Application.Clients;
using AgentP.Application.Common;
using AgentP.Application.Dialogs;
using AgentP.Application.Sessions;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Clients;

/// <summary>
/// The clients list in SQL. Once the client index is ready, the page is chosen from <c>dashboard.client_facts</c> by its
/// indexes (newest first, or most overdue first for the due list; a search filters the same walk), then completed for
/// its 50 clients: the bot's row and memory by their keys, the master's name, the dialogs of the index plus those above
/// the dialog index's mark, read live. Before the index is ready, the page is chosen from the bot's clients (and their
/// memory, when the due filter or count needs it), as it always was. The due count reads the matching clients due before
/// the scope's latest today (an index range); callers cache it. Who has booked a visit comes from the index
/// (<c>booked_until</c>) and the dialogs above its mark, never from the salon's history of dialogs. The bot's dates in ltm_data are read defensively: a malformed value (text, or a day no calendar
/// has) reads as missing rather than failing the page. Every day is the client's own salon's (<see cref="SalonZoneSql"/>): in the
/// all-salons view "today" (who is due, by how many days) and the retention drill-downs' days are each salon's, as retention
/// counts them; the drill-downs' scans are bounded by the widest zone's instants and each salon's local days decide within.
/// </summary>
public sealed class ClientSql(DashboardDbContext db, DialogIndexMark mark, TenantTimeZones zones, TimeProvider clock, ScopeSql scope) : IClientQueries
{
    // The clients the search matches (alias c).
    private static readonly string Matches = $"""
        {ScopeSql.Condition("c.tenant_id")}
          AND (@name::text IS NULL OR c.full_name ILIKE @name::text ESCAPE '\'
               OR (@digits::text IS NOT NULL AND regexp_replace(coalesce(c.phone, ''), '\D', '', 'g') LIKE @digits::text))
        """;

    // The client's long-term memory (alias l), joined on its unique key.
    private const string Memory = "public.user_ltm_v2 l ON l.tenant_id = c.tenant_id AND l.user_id = c.id";

    // The last visit and usual interval (alias v) from the memory's ltm_data (one row, nulls without memory). A cast that
    // fails fails the page, so a date is cast only once it is a calendar day: the shape, then the month and the day
    // against the month's length, compared as text (no step can fail, in whatever order). Years 2000–2100 and intervals
    // of up to 9 999 days only: a visit the bot misheard as year 9999 plus its interval would pass DateOnly's last day.
    internal const string Visit = """
        CROSS JOIN LATERAL (SELECT l.ltm_data->>'last_visit_date' AS day, l.ltm_data->>'avg_visit_interval' AS every) t
        CROSS JOIN LATERAL (SELECT
          CASE WHEN t.day ~ '^\d{4}-\d{2}-\d{2}$' AND substr(t.day, 1, 4) BETWEEN '2000' AND '2100' AND substr(t.day, 6, 2) BETWEEN '01' AND '12' THEN
            CASE WHEN substr(t.day, 9, 2) BETWEEN '01' AND '28'
                   OR (substr(t.day, 9, 2) IN ('29', '30') AND substr(t.day, 6, 2) <> '02')
                   OR (substr(t.day, 9, 2) = '31' AND substr(t.day, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12'))
                   OR (substr(t.day, 6, 5) = '02-29' AND substr(t.day, 1, 4)::int % 4 = 0
                       AND (substr(t.day, 1, 4)::int % 100 <> 0 OR substr(t.day, 1, 4)::int % 400 = 0))
                 THEN t.day::date END END AS last_visit,
          CASE WHEN t.every ~ '^\d{1,4}$' THEN t.every::int END AS visit_interval) v
        """;

    // Whether the bot's client (alias c) with memory (alias v) is due: their salon's today is past the last visit plus the
    // interval, and they have not booked a visit already (NotBooked; what the index knows of a client who has dialogs).
    private static string IsDue(ScopeZones zones) =>
        $"v.last_visit + v.visit_interval < {SalonZoneSql.Today(zones, "c.tenant_id")} AND {NotBooked(zones, "(SELECT f1.booked_until FROM dashboard.client_facts f1 WHERE f1.client_id = c.id)")}";

    // No booking of the client (alias c) for their salon's today or later: a client who has booked is not called about coming
    // back. The index's latest booked visit (bookedUntil: its dialogs up to the mark), then the dialogs above the mark (Booked).
    private static string NotBooked(ScopeZones zones, string bookedUntil) => $"""
        NOT coalesce({bookedUntil} >= {SalonZoneSql.TodayStart(zones, "c.tenant_id")}, false)
        AND (c.id, c.tenant_id) NOT IN (SELECT b.user_id, b.tenant_id FROM booked b)
        """;

    // The clients who booked, in the dialogs above the dialog index's mark, a visit for their salon's today or later (by the
    // index's rule, ClientIndex.BookedUntil): a primary-key range, the live side of client_facts.booked_until. Read once per
    // statement (NOT IN over it is a hashed subplan).
    private static string Booked(ScopeZones zones) => $"""
        booked AS MATERIALIZED (
          SELECT DISTINCT a.user_id, a.tenant_id
          FROM public.conversation_sessions_v2 a
          WHERE a.id > @indexed AND {ScopeSql.Condition("a.tenant_id")} AND a.user_id IS NOT NULL
            AND a.booking_datetime >= {SalonZoneSql.TodayStart(zones, "a.tenant_id")} AND coalesce(a.booking_status, '') <> 'cancelled'
        )
        """;

    // The dialogs above the dialog index's mark (a primary-key range), per client: the live side of every dialog figure.
    private static readonly string Live = $"""
        live AS MATERIALIZED (
          SELECT user_id, min(started_at) AS first, max(started_at) AS last, count(*)::int AS n
          FROM public.conversation_sessions_v2
          WHERE id > @indexed AND {ScopeSql.Condition("tenant_id")}
          GROUP BY user_id
        )
        """;

    /// <summary>
    /// The clients of the filter (alias x: id, created_at, due_on, is_due). Once the client index is ready, from
    /// <c>dashboard.client_facts</c> alone (its indexes serve the order, the due order and the count); before, from the
    /// bot's clients with their memory, read live. The first dialog comes from the index either way (its dialog columns
    /// are kept by the dialog chunks from the start) with the dialogs above the mark. Once ready, a second branch adds the
    /// clients of the dialogs above the mark that the index does not hold yet (created since its last run), read live. The
    /// branches are separate queries: each is paged on its own (so the index's order serves the first), then merged. For
    /// <paramref name="dueOnly"/> (the due count and list), the index is read only below the latest today of the scope's salons.
    /// </summary>
    private static string[] Matching(bool ready, bool memory, bool dueOnly, ClientFilter filter, ScopeZones zones)
    {
        // The bounds are the widest over the scope's zones; with salons in several zones, each salon's own local days decide
        // (SalonZoneSql.Within, as retention counts them).
        const string firstDialog = """
            least((SELECT f1.first_dialog_at FROM dashboard.client_facts f1 WHERE f1.client_id = c.id),
                  (SELECT live.first FROM live WHERE live.user_id = c.id))
            """;
        var first = filter.FirstRange is null ? "" : $"""
            AND {firstDialog} >= @first_start
            AND {firstDialog} < @first_end
            {SalonZoneSql.Within(zones, firstDialog, "c.tenant_id", "first")}
            """;
        var active = filter.ActiveRange is null ? "" : $"""
            AND c.id IN (SELECT s.user_id FROM public.conversation_sessions_v2 s
                         WHERE {ScopeSql.Condition("s.tenant_id")}
                           AND s.started_at >= @active_start AND s.started_at < @active_end AND (NOT @booked OR s.booking_id IS NOT NULL)
                           {SalonZoneSql.Within(zones, "s.started_at", "s.tenant_id", "active")})
            """;
        var live = $"""
            SELECT c.id, c.created_at, {(memory ? "v.last_visit + v.visit_interval" : "NULL::date")} AS due_on,
                   {(memory ? $"coalesce({IsDue(zones)}, false)" : "false")} AS is_due
            FROM public.clients_v2 c {(memory ? $"LEFT JOIN {Memory} {Visit}" : "")}
            WHERE {Matches} {first} {active}
            """;
        if (!ready) return [live];
        return [$"""
                SELECT c.client_id AS id, c.client_created_at AS created_at, c.due_on,
                       coalesce(c.due_on < {SalonZoneSql.Today(zones, "c.tenant_id")} AND {NotBooked(zones, "c.booked_until")}, false) AS is_due
                FROM (SELECT f.*, f.client_id AS id FROM dashboard.client_facts f) c
                WHERE {ScopeSql.Condition("c.tenant_id")}
                  AND (@name::text IS NULL OR c.client_id IN (SELECT dashboard.search_clients(@name::text, @digits::text)))
                  {(dueOnly ? "AND c.due_on < @due_before" : "")} {first} {active}
                """,
            live + """
                AND c.id IN (SELECT user_id FROM live) AND NOT EXISTS (SELECT 1 FROM dashboard.client_facts f2 WHERE f2.client_id = c.id)
                """];
    }

    public async Task<int> CountDueAsync(Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var ready = await mark.ClientIndexReadyAsync(cancellationToken);
        var scopeZones = await zones.ForScopeAsync(tenantId, cancellationToken);
        await using var command = await CommandAsync($"""
            WITH {Live}, {Booked(scopeZones)}
            SELECT count(*)::int FROM ({string.Join(" UNION ALL ", Matching(ready, true, true, filter, scopeZones).Select(m => $"({m})"))}) x WHERE x.is_due
            """, tenantId, filter, today, scopeZones, cancellationToken);
        try
        {
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<ClientRow>> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        (DateOnly DueOn, Guid Id)? afterDue, int take, CancellationToken cancellationToken)
    {
        await using var command = await PageCommandAsync(tenantId, filter, today, after, afterDue, take, cancellationToken);
        var rows = new List<ClientRow>();
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                rows.Add(Row(r));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }

    public async IAsyncEnumerable<ClientRow> StreamAsync(Guid? tenantId, ClientFilter filter, DateOnly today, int take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The page's statement with every client of the filter on one page: one query, its rows read as they come.
        await using var command = await PageCommandAsync(tenantId, filter, today, null, null, take, cancellationToken);
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                yield return Row(r);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<NpgsqlCommand> PageCommandAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        (DateOnly DueOn, Guid Id)? afterDue, int take, CancellationToken cancellationToken)
    {
        // The page is chosen first (by the index's order, or the due order: most overdue first), then completed for its
        // clients: the bot's row and memory by their keys, the master's name, the dialogs of the index plus those above its mark.
        var ready = await mark.ClientIndexReadyAsync(cancellationToken);
        var scopeZones = await zones.ForScopeAsync(tenantId, cancellationToken);
        var order = filter.Due ? "x.due_on, x.id" : "x.created_at DESC, x.id DESC";
        var sql = $"""
            WITH {Live}, {Booked(scopeZones)},
            page AS (
              SELECT y.* FROM ({string.Join(" UNION ALL ", Matching(ready, filter.Due, filter.Due, filter, scopeZones).Select(m => $"({Page(m, filter.Due, order)})"))}) y
              ORDER BY {order.Replace("x.", "y.")}
              LIMIT @take
            )
            SELECT c.id, c.full_name, c.phone, c.created_at, coalesce(sn.name, l.preferred_staff_id), l.preferred_service_id, l.preferred_time, l.language,
                   v.last_visit, v.visit_interval, {SalonZoneSql.Today(scopeZones, "c.tenant_id")} - (v.last_visit + v.visit_interval),
                   coalesce(f.dialogs, 0) + coalesce(lv.n, 0), greatest(f.last_dialog_at, lv.last), x.due_on, c.tenant_id
            FROM page x
            JOIN public.clients_v2 c ON c.id = x.id
            LEFT JOIN {Memory} {Visit}
            LEFT JOIN dashboard.staff_names sn ON sn.tenant_id = c.tenant_id AND sn.staff_id = regexp_replace(l.preferred_staff_id, '^staff_', '')
            LEFT JOIN dashboard.client_facts f ON f.client_id = c.id
            LEFT JOIN live lv ON lv.user_id = c.id
            ORDER BY {order}
            """;
        // Passed as a value, not a subquery: the planner then sees how few rows lie above it (a primary-key range). The
        // index's figures and the live ones are cut at this one mark, so a run of the index job meanwhile counts nothing twice.
        var command = await CommandAsync(sql, tenantId, filter, today, scopeZones, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.At ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_due", NpgsqlDbType.Date) { Value = (object?)afterDue?.DueOn ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)after?.Id ?? (object?)afterDue?.Id ?? DBNull.Value });
        command.Parameters.AddWithValue("take", take);
        return command;
    }

    // One branch's page: the due list after its cursor, or the list after its cursor, in the page's order.
    private static string Page(string matching, bool due, string order) => $"""
        SELECT x.* FROM ({matching}) x
        WHERE {(due ? """
            x.is_due AND (@after_due::date IS NULL OR (x.due_on, x.id) > (@after_due::date, @after_id::uuid))
            """ : """
            -- The plain bound lets an index start at the cursor; the row comparison settles ties.
            (@after_at::timestamptz IS NULL
             OR (x.created_at <= @after_at::timestamptz AND (x.created_at, x.id) < (@after_at::timestamptz, @after_id::uuid)))
            """)}
        ORDER BY {order}
        LIMIT @take
        """;

    private static ClientRow Row(NpgsqlDataReader r)
    {
        int? overdue = r.IsDBNull(10) ? null : r.GetInt32(10);
        return new ClientRow(r.GetGuid(0), Text(r, 1), Text(r, 2), r.GetFieldValue<DateTimeOffset>(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8), r.IsDBNull(9) ? null : r.GetInt32(9), overdue > 0 ? overdue : null,
            r.GetInt32(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12))
        {
            DueOn = r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13),
            SalonId = r.GetGuid(14),
        };
    }

    /// <param name="today">The scope's today: its salon's, or for all salons the default zone's (each listed salon's own is read from the clock).</param>
    private async Task<NpgsqlCommand> CommandAsync(string sql, Guid? tenantId, ClientFilter filter, DateOnly today, ScopeZones scopeZones,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        var q = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q.Trim();
        var digits = q is null ? "" : new string(q.Where(char.IsAsciiDigit).ToArray());
        scope.AddTo(command, tenantId);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = q is null ? DBNull.Value : "%" + SessionFilter.LikeEscape(q) + "%" });
        command.Parameters.Add(new NpgsqlParameter("digits", NpgsqlDbType.Text) { Value = digits.Length >= 3 ? "%" + digits + "%" : DBNull.Value });
        command.Parameters.AddWithValue("due", filter.Due);
        command.Parameters.AddWithValue("today", today);
        // Who is due is due before their salon's today: the latest of the scope's todays bounds the due index's range.
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("due_before", scopeZones.Salons.Values.Select(z => LocalDay.Of(now, z)).Append(today).Max());
        command.Parameters.AddWithValue("indexed", await mark.GetAsync(cancellationToken));
        SalonZoneSql.AddParameters(command, scopeZones, now);
        // The retention drill-downs' days, salon-local.
        if (filter.FirstRange is { } first) SalonZoneSql.AddDays(command, scopeZones, "first", first.From, first.To);
        if (filter.ActiveRange is { } active) SalonZoneSql.AddDays(command, scopeZones, "active", active.From, active.To);
        command.Parameters.AddWithValue("booked", filter.Booked);
        return command;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
