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
/// The clients list in SQL. The page is chosen first (clients + long-term memory, idx_clients_tenant), then dialogs
/// are counted for those 50 clients only: from <c>dashboard.dialog_facts</c> (by client) plus the few dialogs above
/// its mark, read live (see <see cref="IndexDialogs"/>). The page's clients are the salon's, so their dialogs
/// are too. The bot's dates in ltm_data are read defensively: a malformed value (text, or a day no calendar has)
/// reads as missing rather than failing the page.
/// </summary>
public sealed class ClientSql(DashboardDbContext db, Reused reused) : IClientQueries
{
    private const string Clients = """
        SELECT c.id, c.full_name, c.phone, c.created_at, l.preferred_staff_id, l.preferred_service_id, l.preferred_time, l.language,
               -- A cast that fails fails the page, so a date is cast only once it is a calendar day: the shape, then the
               -- month and the day against the month's length, compared as text (no step can fail, in whatever order).
               CASE WHEN v.day ~ '^\d{4}-\d{2}-\d{2}$' AND substr(v.day, 1, 4) <> '0000' AND substr(v.day, 6, 2) BETWEEN '01' AND '12' THEN
                 CASE WHEN substr(v.day, 9, 2) BETWEEN '01' AND '28'
                        OR (substr(v.day, 9, 2) IN ('29', '30') AND substr(v.day, 6, 2) <> '02')
                        OR (substr(v.day, 9, 2) = '31' AND substr(v.day, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12'))
                        OR (substr(v.day, 6, 5) = '02-29' AND substr(v.day, 1, 4)::int % 4 = 0
                            AND (substr(v.day, 1, 4)::int % 100 <> 0 OR substr(v.day, 1, 4)::int % 400 = 0))
                      THEN v.day::date END END AS last_visit,
               CASE WHEN v.every ~ '^\d{1,4}$' THEN v.every::int END AS visit_interval
        FROM public.clients_v2 c
        LEFT JOIN public.user_ltm_v2 l ON l.tenant_id = c.tenant_id AND l.user_id = c.id
        CROSS JOIN LATERAL (SELECT l.ltm_data->>'last_visit_date' AS day, l.ltm_data->>'avg_visit_interval' AS every) v
        WHERE (@tenant::uuid IS NULL OR c.tenant_id = @tenant::uuid)
          AND (@name::text IS NULL OR c.full_name ILIKE @name::text ESCAPE '\'
               OR (@digits::text IS NOT NULL AND regexp_replace(coalesce(c.phone, ''), '\D', '', 'g') LIKE @digits::text))
        """;

    private const string Due = "(NOT @due::boolean OR x.last_visit + x.visit_interval < @today::date)";

    public async Task<ClientRows> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        int take, CancellationToken cancellationToken)
    {
        // The clients due for a visit are counted in the same pass that picks the page (a window over every client the
        // search matches, before the due filter and the cursor), and reported even when the page is empty.
        var sql = $"""
            WITH matching AS (
              SELECT x.*, count(*) FILTER (WHERE x.last_visit + x.visit_interval < @today::date) OVER () AS due_count
              FROM ({Clients}) x
            ),
            page AS (
              SELECT x.* FROM matching x
              WHERE {Due}
                AND (@after_at::timestamptz IS NULL OR (x.created_at, x.id) < (@after_at::timestamptz, @after_id::uuid))
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
            SELECT p.id, p.full_name, p.phone, p.created_at, p.preferred_staff_id, p.preferred_service_id, p.preferred_time, p.language,
                   p.last_visit, p.visit_interval, @today::date - (p.last_visit + p.visit_interval), coalesce(d.n, 0), d.last,
                   c.due::int
            FROM (SELECT coalesce(max(due_count), 0) AS due FROM matching) c
            LEFT JOIN (page p LEFT JOIN dialogs d ON d.user_id = p.id) ON true
            ORDER BY p.created_at DESC, p.id DESC
            """;
        // Passed as a value, not a subquery: the planner then sees how few rows lie above it (a primary-key range). Both
        // halves are cut at this one mark, so a run of the index job between the two statements counts nothing twice.
        var indexed = await IndexDialogs.ReusedMarkAsync(db, reused, cancellationToken);
        await using var command = await CommandAsync(sql, tenantId, filter, today, cancellationToken);
        command.Parameters.AddWithValue("indexed", indexed);
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)after?.At ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)after?.Id ?? DBNull.Value });
        command.Parameters.AddWithValue("take", take);
        var rows = new List<ClientRow>();
        var due = 0;
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                due = r.GetInt32(13);
                if (r.IsDBNull(0)) continue; // no client on this page: the row carries the count only
                int? overdue = r.IsDBNull(10) ? null : r.GetInt32(10);
                rows.Add(new ClientRow(r.GetGuid(0), Text(r, 1), Text(r, 2), r.GetFieldValue<DateTimeOffset>(3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
                    r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8), r.IsDBNull(9) ? null : r.GetInt32(9), overdue > 0 ? overdue : null,
                    r.GetInt32(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new ClientRows(rows, due);
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
