using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentP.Application.Sessions;
using AgentP.Application.Wishlist;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Infrastructure.Wishlist;

/// <summary>
/// The wishlist list in SQL: the bot's items joined to the latest dashboard decision of each (a LATERAL lookup on
/// ix_wishlist_actions_tenant_id_wishlist_id_processed_at), so filtering and counting by the merged status happen in
/// the database. Salons are narrowed by idx_wishlist_tenant (or the opt-in idx_wishlist_tenant_pending).
/// </summary>
public sealed class WishlistSql(DashboardDbContext db, ScopeSql scope) : IWishlistQueries
{
    private static readonly string From = $"""
        FROM public.wishlist_v2 w
        LEFT JOIN LATERAL (
          SELECT x.status FROM dashboard.wishlist_actions x
          WHERE x.tenant_id = w.tenant_id AND x.wishlist_id = w.id
          ORDER BY x.processed_at DESC, x.id DESC LIMIT 1
        ) a ON true
        WHERE {ScopeSql.Condition("w.tenant_id")}
          AND (@type::text IS NULL OR w.item_type = @type::text)
          AND (@staff::text IS NULL OR w.meta->>'staff_name' ILIKE @staff::text ESCAPE '\')
          AND (@older_than::timestamptz IS NULL OR w.created_at <= @older_than::timestamptz)
        """;

    // A wish still waiting for a day already gone has expired, whatever the bot's row still says. The day is compared as
    // ISO text with the UTC date (no parse to fail on a date the bot wrote oddly): in a salon east of UTC a wish expires
    // up to a day late, never early.
    private const string Effective = """
        CASE WHEN coalesce(a.status, w.status) = 'pending'
                  AND w.meta->>'preferred_date' ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$' AND w.meta->>'preferred_date' < @today_text::text
             THEN 'expired' ELSE coalesce(a.status, w.status) END
        """;

    public async Task<WishlistRows> PageAsync(Guid? tenantId, WishlistFilter filter, DateTimeOffset now,
        (DateTimeOffset At, long Id)? after, int take, CancellationToken cancellationToken)
    {
        // One pass over the salon's items (and one decision lookup each) gives the page and the counts per merged status;
        // the counts come after the page's rows, marked by a null id. The pass carries only what ordering and counting
        // need (wide columns such as meta cost a fifth of it); the page's rows are read whole by primary key and get
        // their client and their decision history (newest first, as JSON).
        var sql = $"""
            WITH matching AS (
              SELECT w.id, w.created_at, {Effective} AS effective_status
              {From}
            ),
            page AS (
              SELECT w.id, w.tenant_id, w.user_id, w.item_type, w.item_id, w.source, w.comment, w.status, w.meta, w.created_at, m.effective_status
              FROM (SELECT * FROM matching
                    WHERE (@status::text IS NULL OR effective_status = @status::text)
                      AND (@after_at::timestamptz IS NULL OR (created_at, id) < (@after_at::timestamptz, @after_id::bigint))
                    ORDER BY created_at DESC, id DESC
                    LIMIT @take) m
              JOIN public.wishlist_v2 w ON w.id = m.id
            )
            SELECT * FROM (
              SELECT 0 AS part, p.id, p.user_id, c.full_name, c.phone, p.item_type, p.item_id, p.source, p.comment, p.status, p.meta::text,
                     p.created_at, p.effective_status, 0 AS n,
                     (SELECT json_agg(json_build_object('status', x.status, 'comment', x.comment, 'at', x.processed_at)
                                      ORDER BY x.processed_at DESC, x.id DESC)
                      FROM dashboard.wishlist_actions x WHERE x.tenant_id = p.tenant_id AND x.wishlist_id = p.id)::text AS history, p.tenant_id
              FROM page p JOIN public.clients_v2 c ON c.id = p.user_id AND c.tenant_id = p.tenant_id -- the item's salon's client, never another's
              UNION ALL
              SELECT 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, effective_status, count(*)::int, NULL, NULL
              FROM matching GROUP BY effective_status
            ) x
            ORDER BY part, created_at DESC, id DESC
            """;
        var rows = new List<WishlistRowData>();
        var counts = new Dictionary<string, int>();
        await using var command = await CommandAsync(sql, tenantId, filter, now, cancellationToken);
        command.Parameters.AddWithValue("status", (object?)filter.EffectiveStatus ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)after?.At ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)after?.Id ?? DBNull.Value });
        command.Parameters.AddWithValue("take", take);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(0) == 1)
                {
                    counts[reader.GetString(12)] = reader.GetInt32(13);
                    continue;
                }
                rows.Add(new WishlistRowData(reader.GetInt64(1), reader.GetGuid(2), Text(reader, 3), Text(reader, 4),
                    Codes.ParseOr(reader.GetString(5), WishlistItemType.Unknown), reader.GetString(6), Text(reader, 7), Text(reader, 8),
                    Codes.ParseOr(reader.GetString(9), WishlistStatus.Unknown), BotJson.ReadWishlistMeta(reader.GetString(10)),
                    reader.GetFieldValue<DateTimeOffset>(11), reader.GetString(12), History(Text(reader, 14)), reader.GetGuid(15)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new WishlistRows(rows, counts);
    }

    public async IAsyncEnumerable<WishlistExportRow> StreamAsync(Guid? tenantId, WishlistFilter filter, DateTimeOffset now, int take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The page's pass without the counts and the history: the filter's items and their clients, read as they come.
        var sql = $"""
            WITH matching AS (
              SELECT w.id, w.tenant_id, w.user_id, w.item_type, w.item_id, w.source, w.comment, w.status, w.meta, w.created_at,
                     {Effective} AS effective_status
              {From}
            )
            SELECT m.id, c.full_name, c.phone, m.item_type, m.item_id, m.source, m.comment, m.status, m.meta::text, m.created_at, m.effective_status, m.tenant_id
            FROM matching m JOIN public.clients_v2 c ON c.id = m.user_id AND c.tenant_id = m.tenant_id
            WHERE @status::text IS NULL OR m.effective_status = @status::text
            ORDER BY m.created_at DESC, m.id DESC
            LIMIT @take
            """;
        await using var command = await CommandAsync(sql, tenantId, filter, now, cancellationToken);
        command.Parameters.AddWithValue("status", (object?)filter.EffectiveStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("take", take);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                yield return new WishlistExportRow(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(9), Text(reader, 1), Text(reader, 2),
                    Codes.ParseOr(reader.GetString(3), WishlistItemType.Unknown), reader.GetString(4), BotJson.ReadWishlistMeta(reader.GetString(8)),
                    Text(reader, 5), Text(reader, 6), Codes.ParseOr(reader.GetString(7), WishlistStatus.Unknown), reader.GetString(10), reader.GetGuid(11));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, Guid? tenantId, WishlistFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        scope.AddTo(command, tenantId);
        command.Parameters.AddWithValue("type", (object?)filter.Type ?? DBNull.Value);
        command.Parameters.AddWithValue("staff", string.IsNullOrWhiteSpace(filter.Staff) ? DBNull.Value : "%" + SessionFilter.LikeEscape(filter.Staff.Trim()) + "%");
        command.Parameters.Add(new NpgsqlParameter("older_than", NpgsqlTypes.NpgsqlDbType.TimestampTz)
            { Value = filter.Age is { } days ? now.AddDays(-days) : DBNull.Value });
        command.Parameters.AddWithValue("today_text", now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return command;
    }

    private static IReadOnlyList<WishlistDecisionView> History(string? json)
    {
        if (json is null) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(d => new WishlistDecisionView(
            Codes.Parse<WishlistDecision>(d.GetProperty("status").GetString()!),
            d.GetProperty("comment").GetString(), d.GetProperty("at").GetDateTimeOffset())).ToList();
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
