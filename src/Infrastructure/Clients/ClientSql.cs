using System.Runtime.CompilerServices;
using AgentP.Application.Clients;
using AgentP.Application.Common;
using AgentP.Application.Dialogs;
using AgentP.Application.Sessions;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Clients;

/// <summary>
/// The clients list in SQL. The page is chosen first (idx_clients_tenant; the memory read for every matching client
/// only when the due filter or count needs it), then completed for its 50 clients (the export: every client of the
/// filter, in the same one statement): memory by its unique key, dialogs counted from <c>dashboard.dialog_facts</c>
/// (by client) plus the few dialogs above its mark, read live (see <see cref="IndexDialogs"/>). The page's clients are
/// the salon's, so their dialogs are too. The due count reads every matching client's memory (~1.5 µs a client): the
/// page counts along when asked, or a caller counts on its own to reuse the figure. The bot's dates in ltm_data are
/// read defensively: a malformed value (text, or a day no calendar has) reads as missing rather than failing the page.
/// </summary>
public sealed class ClientSql(DashboardDbContext db, DialogIndexMark mark) : IClientQueries
{
    // The clients the search matches (alias c).
    private const string Matches = """
        (@tenant::uuid IS NULL OR c.tenant_id = @tenant::uuid)
          AND (@name::text IS NULL OR c.full_name ILIKE @name::text ESCAPE '\'
               OR (@digits::text IS NOT NULL AND regexp_replace(coalesce(c.phone, ''), '\D', '', 'g') LIKE @digits::text))
        """;

    // The client's long-term memory (alias l), joined on its unique key.
    private const string Memory = "public.user_ltm_v2 l ON l.tenant_id = c.tenant_id AND l.user_id = c.id";

    // The last visit and usual interval (alias v) from the memory's ltm_data (one row, nulls without memory). A cast that
    // fails fails the page, so a date is cast only once it is a calendar day: the shape, then the month and the day
    // against the month's length, compared as text (no step can fail, in whatever order).
    private const string Visit = """
        CROSS JOIN LATERAL (SELECT l.ltm_data->>'last_visit_date' AS day, l.ltm_data->>'avg_visit_interval' AS every) t
        CROSS JOIN LATERAL (SELECT
          CASE WHEN t.day ~ '^\d{4}-\d{2}-\d{2}$' AND substr(t.day, 1, 4) <> '0000' AND substr(t.day, 6, 2) BETWEEN '01' AND '12' THEN
            CASE WHEN substr(t.day, 9, 2) BETWEEN '01' AND '28'
                   OR (substr(t.day, 9, 2) IN ('29', '30') AND substr(t.day, 6, 2) <> '02')
                   OR (substr(t.day, 9, 2) = '31' AND substr(t.day, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12'))
                   OR (substr(t.day, 6, 5) = '02-29' AND substr(t.day, 1, 4)::int % 4 = 0
                       AND (substr(t.day, 1, 4)::int % 100 <> 0 OR substr(t.day, 1, 4)::int % 400 = 0))
                 THEN t.day::date END END AS last_visit,
          CASE WHEN t.every ~ '^\d{1,4}$' THEN t.every::int END AS visit_interval) v
        """;

    private const string IsDue = "v.last_visit + v.visit_interval < @today::date";

    public async Task<int> CountDueAsync(Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync($"""
            SELECT count(*)::int FROM public.clients_v2 c
            JOIN {Memory} {Visit}
            WHERE {Matches} AND {IsDue}
            """, tenantId, filter, today, cancellationToken);
        try
        {
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<ClientRows> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        int take, bool countDue, CancellationToken cancellationToken)
    {
        await using var command = await PageCommandAsync(tenantId, filter, today, after, take, countDue, cancellationToken);
        var rows = new List<ClientRow>();
        var due = 0;
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                due = r.GetInt32(13);
                if (r.IsDBNull(0)) continue; // no client on this page: the row carries the count only
                rows.Add(Row(r));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new ClientRows(rows, due);
    }

    public async IAsyncEnumerable<ClientRow> StreamAsync(Guid? tenantId, ClientFilter filter, DateOnly today, int take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The page's statement with every client of the filter on one page: one query, its rows read as they come.
        await using var command = await PageCommandAsync(tenantId, filter, today, null, take, false, cancellationToken);
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                if (!r.IsDBNull(0)) yield return Row(r); // an empty page is one row without a client
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<NpgsqlCommand> PageCommandAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        int take, bool countDue, CancellationToken cancellationToken)
    {
        // The memory is read for every matching client only when the due filter or the count needs it; the page's own
        // columns come from its clients' memory at the end. The count is carried on every row, and on a row of its own
        // when the page is empty.
        var memory = filter.Due || countDue;
        var sql = $"""
            WITH matching AS (
              SELECT c.id, c.tenant_id, c.full_name, c.phone, c.created_at, {(memory ? $"coalesce({IsDue}, false)" : "false")} AS is_due
              FROM public.clients_v2 c {(memory ? $"LEFT JOIN {Memory} {Visit}" : "")}
              WHERE {Matches}
            ),
            page AS (
              SELECT x.* FROM matching x
              WHERE {(filter.Due ? "x.is_due" : "true")}
                -- The plain bound lets idx_clients_tenant_created (opt-in) start at the cursor; the row comparison settles ties.
                AND (@after_at::timestamptz IS NULL
                     OR (x.created_at <= @after_at::timestamptz AND (x.created_at, x.id) < (@after_at::timestamptz, @after_id::uuid)))
              ORDER BY x.created_at DESC, x.id DESC
              LIMIT @take
            ),
            dialogs AS (
              SELECT user_id, count(*)::int AS n, max(started_at) AS last
              FROM (SELECT user_id, started_at FROM dashboard.dialog_facts WHERE user_id IN (SELECT id FROM page) AND session_id <= @indexed
                    UNION ALL
                    SELECT user_id, started_at FROM public.conversation_sessions_v2 WHERE id > @indexed AND user_id IN (SELECT id FROM page)) d
              GROUP BY user_id
            )
            SELECT c.id, c.full_name, c.phone, c.created_at, l.preferred_staff_id, l.preferred_service_id, l.preferred_time, l.language,
                   v.last_visit, v.visit_interval, @today::date - (v.last_visit + v.visit_interval), coalesce(d.n, 0), d.last, due.n
            FROM (SELECT {(countDue ? "(SELECT count(*) FILTER (WHERE is_due) FROM matching)::int" : "0")} AS n) due
            LEFT JOIN (page c LEFT JOIN {Memory} {Visit} LEFT JOIN dialogs d ON d.user_id = c.id) ON true
            ORDER BY c.created_at DESC, c.id DESC
            """;
        // Passed as a value, not a subquery: the planner then sees how few rows lie above it (a primary-key range). Both
        // halves are cut at this one mark, so a run of the index job between the two statements counts nothing twice.
        var indexed = await mark.GetAsync(cancellationToken);
        var command = await CommandAsync(sql, tenantId, filter, today, cancellationToken);
        command.Parameters.AddWithValue("indexed", indexed);
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.At ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)after?.Id ?? DBNull.Value });
        command.Parameters.AddWithValue("take", take);
        return command;
    }

    private static ClientRow Row(NpgsqlDataReader r)
    {
        int? overdue = r.IsDBNull(10) ? null : r.GetInt32(10);
        return new ClientRow(r.GetGuid(0), Text(r, 1), Text(r, 2), r.GetFieldValue<DateTimeOffset>(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8), r.IsDBNull(9) ? null : r.GetInt32(9), overdue > 0 ? overdue : null,
            r.GetInt32(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12));
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        var q = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q.Trim();
        var digits = q is null ? "" : new string(q.Where(char.IsAsciiDigit).ToArray());
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = (object?)tenantId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = q is null ? DBNull.Value : "%" + SessionFilter.LikeEscape(q) + "%" });
        command.Parameters.Add(new NpgsqlParameter("digits", NpgsqlDbType.Text) { Value = digits.Length >= 3 ? "%" + digits + "%" : DBNull.Value });
        command.Parameters.AddWithValue("due", filter.Due);
        command.Parameters.AddWithValue("today", today);
        return command;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
