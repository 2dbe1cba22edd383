using AgentP.Application.Common;
using AgentP.Application.Metrics;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Dialogs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Infrastructure.Metrics;

/// <summary>
/// The collector's set-based SQL (docs/architecture.md §5): one statement computes every metric of every active salon for a
/// range of salon-local days and upserts <c>dashboard.metrics_dailies</c> on (tenant_id, day); the same SELECT,
/// without the upsert, gives the Overview today's live figures, so both follow one definition. Sessions are found
/// per salon by <c>started_at</c> between the salon's local midnights (idx_sessions_started, or the opt-in
/// idx_sessions_tenant_status_date); messages through idx_history_session. Each salon's zone comes as a parameter from
/// <see cref="ScopeZones"/> (<see cref="SalonZoneSql"/>), the one source of a salon's zone, never from tenant_settings; the salon
/// condition is the scope's (<see cref="ScopeSql"/>), narrowed to one salon when the job collects one.
/// </summary>
public sealed class DailyMetricsSql(DashboardDbContext db, ScopeSql scope) : IDailyMetricsCollector
{
    /// <summary>
    /// A dialog's answered user messages and their summed response time (docs/architecture.md §5: for each user message, the first
    /// assistant message after it in the same dialog), as a lateral join on <c>s.session_id</c>. The window runs
    /// backwards from the dialog's end, so each row extends the previous one (linear, not quadratic). Shared with the
    /// dialog index, so facts derived once and facts computed live follow one definition.
    /// </summary>
    internal const string DialogResponses = """
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS answered, coalesce(sum(extract(epoch FROM (m.next_answer - m.created_at)) * 1000), 0) AS response_ms_total
          FROM (
            SELECT h.role, h.created_at,
                   min(h.created_at) FILTER (WHERE h.role = 'assistant') OVER (
                     ORDER BY h.created_at DESC, h.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS next_answer
            FROM public.recent_history_v2 h
            WHERE h.session_id = s.session_id
          ) m
          WHERE m.role = 'user' AND m.next_answer IS NOT NULL
        ) r
        """;

    // Every metric of every (salon, local day) of the range, in the column order of Columns (zeros included).
    private static string Select(ScopeZones zones) => $$"""
        -- Each salon's zone and the range's bounds in it, computed once per salon rather than per dialog.
        WITH tenants AS MATERIALIZED (
          SELECT t.id AS tenant_id, z.tz, @from::date::timestamp AT TIME ZONE z.tz AS starts, (@to::date + 1)::timestamp AT TIME ZONE z.tz AS ends
          FROM public.tenants_v2 t
          CROSS JOIN LATERAL (SELECT {{SalonZoneSql.Zone(zones, "t.id")}} AS tz) z
          WHERE t.is_active AND {{ScopeSql.Condition("t.id")}}
        ),
        days AS (
          SELECT tn.tenant_id, d::date AS day
          FROM tenants tn CROSS JOIN generate_series(@from::date, @to::date, interval '1 day') AS d
        ),
        sessions AS MATERIALIZED (
          -- meta's keys read once here, not by each consumer (the rows are materialised narrow).
          SELECT s.tenant_id, (s.started_at AT TIME ZONE tn.tz)::date AS day, s.id, s.session_id, s.channel, s.final_status,
                 s.booking_id, coalesce(s.booking_amount, 0) AS amount, coalesce(s.booking_currency, 'RUB') AS currency,
                 s.meta->>'drop_off_stage' AS stage, s.meta->>'sentiment' AS sentiment,
                 CASE WHEN s.booking_id IS NOT NULL THEN coalesce(s.meta->>'staff_name', s.meta->>'staff_id') END AS staff,
                 CASE WHEN s.booking_id IS NOT NULL AND jsonb_typeof(s.meta->'services_mentioned') = 'array' THEN s.meta->'services_mentioned' END AS services
          FROM tenants tn
          JOIN public.conversation_sessions_v2 s
            ON s.tenant_id = tn.tenant_id AND s.started_at >= tn.starts AND s.started_at < tn.ends
          -- The same range widened by a day each side, as constants: what lets idx_sessions_started bound the scan
          -- (the exact bounds above depend on each salon's zone, which no index can use).
          WHERE s.started_at >= ((@from::date - 1)::timestamp AT TIME ZONE 'UTC')
            AND s.started_at < ((@to::date + 2)::timestamp AT TIME ZONE 'UTC')
        ),
        counts AS (
          SELECT tenant_id, day,
                 count(*) AS dialogs,
                 count(*) FILTER (WHERE booking_id IS NOT NULL) AS bookings,
                 coalesce(sum(amount) FILTER (WHERE booking_id IS NOT NULL AND currency = 'RUB'), 0) AS revenue,
                 count(*) FILTER (WHERE final_status = 'escalated') AS escalated,
                 count(*) FILTER (WHERE final_status = 'dropped') AS dropped,
                 count(*) FILTER (WHERE stage IS NULL OR final_status = 'done') AS funnel_completed,
                 count(*) FILTER (WHERE stage = 'service_selection') AS dropped_at_service,
                 count(*) FILTER (WHERE stage = 'staff_selection') AS dropped_at_staff,
                 count(*) FILTER (WHERE stage = 'date_selection') AS dropped_at_date,
                 count(*) FILTER (WHERE stage = 'time_selection') AS dropped_at_time,
                 count(*) FILTER (WHERE channel = 'telegram') AS telegram,
                 count(*) FILTER (WHERE channel = 'whatsapp') AS whatsapp,
                 count(*) FILTER (WHERE sentiment = 'positive') AS positive,
                 count(*) FILTER (WHERE sentiment = 'neutral') AS neutral,
                 count(*) FILTER (WHERE sentiment = 'negative') AS negative
          FROM sessions GROUP BY tenant_id, day
        ),
        -- What YClients said about the bookings (dashboard.bookings, filled by the verification job).
        attendance AS (
          SELECT s.tenant_id, s.day,
                 count(*) FILTER (WHERE b.yclients_attendance = 1) AS attended,
                 count(*) FILTER (WHERE b.yclients_attendance = 0) AS no_shows,
                 coalesce(sum(s.amount) FILTER (WHERE b.yclients_attendance = 1 AND s.currency = 'RUB'), 0) AS attended_revenue
          FROM sessions s JOIN dashboard.bookings b ON b.session_id = s.id AND b.tenant_id = s.tenant_id
          WHERE s.booking_id IS NOT NULL
          GROUP BY s.tenant_id, s.day
        ),
        revenue AS (
          SELECT tenant_id, day, jsonb_object_agg(currency, total ORDER BY currency) AS by_currency
          FROM (SELECT tenant_id, day, currency, sum(amount) AS total FROM sessions
                WHERE booking_id IS NOT NULL GROUP BY tenant_id, day, currency) r
          GROUP BY tenant_id, day
        ),
        -- Response times: the rolled-up dialogs' per salon and 15-minute slot from dashboard.dialog_slots (derived once per
        -- dialog by the index, summed per slot by its rollups: at most 96 rows a salon-day; a slot lies within one local day
        -- of any zone), those above the rollups' mark computed here from their messages by the same fragment. One statement,
        -- one snapshot: the mark and the slots agree.
        dialog_responses AS (
          SELECT d.tenant_id, (d.slot AT TIME ZONE tn.tz)::date AS day, d.answered, d.response_ms_total
          FROM tenants tn
          JOIN dashboard.dialog_slots d
            ON d.tenant_id = tn.tenant_id AND d.slot >= tn.starts AND d.slot < tn.ends
          UNION ALL
          SELECT s.tenant_id, s.day, r.answered, r.response_ms_total
          FROM sessions s {{DialogResponses}}
          WHERE s.id > ({{DialogRollups.Mark}})
        ),
        responses AS (
          SELECT tenant_id, day, sum(answered)::int AS answered,
                 CASE WHEN sum(answered) = 0 THEN 0 ELSE round(sum(response_ms_total) / sum(answered))::int END AS avg_response_ms
          FROM dialog_responses GROUP BY tenant_id, day
        ),
        -- Top lists follow the revenue card's currency rule: revenue is RUB (a missing currency counts as RUB), and any other
        -- currency a name earned is kept apart in "other" (omitted when there is none).
        services AS (
          SELECT tenant_id, day,
                 jsonb_agg(jsonb_strip_nulls(jsonb_build_object('name', name, 'bookings', bookings, 'revenue', revenue, 'other', other))
                           ORDER BY bookings DESC, revenue DESC, name) AS top
          FROM (
            SELECT tenant_id, day, name, sum(n) AS bookings, coalesce(sum(total) FILTER (WHERE currency = 'RUB'), 0) AS revenue,
                   jsonb_object_agg(currency, total ORDER BY currency) FILTER (WHERE currency <> 'RUB') AS other,
                   row_number() OVER (PARTITION BY tenant_id, day
                     ORDER BY sum(n) DESC, coalesce(sum(total) FILTER (WHERE currency = 'RUB'), 0) DESC, name) AS rank
            FROM (
              SELECT tenant_id, day, name, currency, count(*) AS n, sum(amount) AS total
              FROM sessions CROSS JOIN LATERAL jsonb_array_elements_text(services) AS name
              WHERE services IS NOT NULL
              GROUP BY tenant_id, day, name, currency
            ) by_currency
            GROUP BY tenant_id, day, name
          ) ranked
          WHERE rank <= 10
          GROUP BY tenant_id, day
        ),
        staff AS (
          SELECT tenant_id, day,
                 jsonb_agg(jsonb_strip_nulls(jsonb_build_object('name', name, 'bookings', bookings, 'revenue', revenue, 'other', other))
                           ORDER BY bookings DESC, revenue DESC, name) AS top
          FROM (
            SELECT tenant_id, day, name, sum(n) AS bookings, coalesce(sum(total) FILTER (WHERE currency = 'RUB'), 0) AS revenue,
                   jsonb_object_agg(currency, total ORDER BY currency) FILTER (WHERE currency <> 'RUB') AS other,
                   row_number() OVER (PARTITION BY tenant_id, day
                     ORDER BY sum(n) DESC, coalesce(sum(total) FILTER (WHERE currency = 'RUB'), 0) DESC, name) AS rank
            FROM (
              SELECT tenant_id, day, staff AS name, currency, count(*) AS n, sum(amount) AS total
              FROM sessions
              WHERE staff IS NOT NULL
              GROUP BY tenant_id, day, staff, currency
            ) by_currency
            GROUP BY tenant_id, day, name
          ) ranked
          WHERE rank <= 10
          GROUP BY tenant_id, day
        )
        SELECT d.tenant_id, d.day,
               coalesce(c.dialogs, 0), coalesce(c.bookings, 0),
               CASE WHEN coalesce(c.dialogs, 0) = 0 THEN 0 ELSE round(c.bookings * 100.0 / c.dialogs, 2) END,
               coalesce(r.avg_response_ms, 0), coalesce(r.answered, 0), coalesce(c.revenue, 0), 'RUB', coalesce(v.by_currency, '{}'::jsonb),
               coalesce(c.escalated, 0), coalesce(c.dropped, 0), coalesce(c.funnel_completed, 0),
               coalesce(c.dropped_at_service, 0), coalesce(c.dropped_at_staff, 0), coalesce(c.dropped_at_date, 0), coalesce(c.dropped_at_time, 0),
               coalesce(c.telegram, 0), coalesce(c.whatsapp, 0), coalesce(c.positive, 0), coalesce(c.neutral, 0), coalesce(c.negative, 0),
               coalesce(sv.top, '[]'::jsonb), coalesce(st.top, '[]'::jsonb),
               coalesce(a.attended, 0), coalesce(a.no_shows, 0), coalesce(a.attended_revenue, 0), @now, @now
        FROM days d
        LEFT JOIN counts c ON c.tenant_id = d.tenant_id AND c.day = d.day
        LEFT JOIN revenue v ON v.tenant_id = d.tenant_id AND v.day = d.day
        LEFT JOIN responses r ON r.tenant_id = d.tenant_id AND r.day = d.day
        LEFT JOIN services sv ON sv.tenant_id = d.tenant_id AND sv.day = d.day
        LEFT JOIN staff st ON st.tenant_id = d.tenant_id AND st.day = d.day
        LEFT JOIN attendance a ON a.tenant_id = d.tenant_id AND a.day = d.day
        """;

    private const string Columns = """
        tenant_id, day, dialogs_started, bookings, conversion, avg_response_ms, answered_messages, total_revenue, currency, revenue_by_currency,
          escalated, dropped, funnel_completed, dropped_at_service, dropped_at_staff, dropped_at_date, dropped_at_time,
          telegram_dialogs, whatsapp_dialogs, positive_dialogs, neutral_dialogs, negative_dialogs,
          top_services, top_staff, attended_bookings, no_show_bookings, attended_revenue, created_at, updated_at
        """;

    private static string Upsert(ScopeZones zones) => "INSERT INTO dashboard.metrics_dailies AS m (" + Columns + ")\n" + Select(zones) + "\n" + """
        ON CONFLICT (tenant_id, day) DO UPDATE SET
          dialogs_started = excluded.dialogs_started, bookings = excluded.bookings, conversion = excluded.conversion,
          avg_response_ms = excluded.avg_response_ms, answered_messages = excluded.answered_messages, total_revenue = excluded.total_revenue, currency = excluded.currency,
          revenue_by_currency = excluded.revenue_by_currency, escalated = excluded.escalated, dropped = excluded.dropped,
          funnel_completed = excluded.funnel_completed, dropped_at_service = excluded.dropped_at_service,
          dropped_at_staff = excluded.dropped_at_staff, dropped_at_date = excluded.dropped_at_date, dropped_at_time = excluded.dropped_at_time,
          telegram_dialogs = excluded.telegram_dialogs, whatsapp_dialogs = excluded.whatsapp_dialogs,
          positive_dialogs = excluded.positive_dialogs, neutral_dialogs = excluded.neutral_dialogs, negative_dialogs = excluded.negative_dialogs,
          top_services = excluded.top_services, top_staff = excluded.top_staff, attended_bookings = excluded.attended_bookings,
          no_show_bookings = excluded.no_show_bookings, attended_revenue = excluded.attended_revenue, updated_at = excluded.updated_at
        """;

    // ---- Issue 24, the bot's value: a statement of its own (its own CTEs), run after the main one in the same transaction. ----

    /// <summary>
    /// Per (salon, local day) with dialogs: dialogs, bookings and RUB revenue started outside opening hours, the bot's replies
    /// (assistant messages, through idx_history_session) and the bookings that carry a RUB amount (docs/architecture.md §5).
    /// Opening hours: <c>tenant_settings.opening_hours</c> (Monday first, "HH:MM-HH:MM", "" a day off), else every day from 10:00
    /// to the bot's <c>closing_time_override</c>, or 21:00 without a valid one; open from the first time, closed from the second.
    /// </summary>
    private static string ValueSelect(ScopeZones zones) => $$"""
        WITH value_tenants AS MATERIALIZED (
          SELECT t.id AS tenant_id, z.tz, @from::date::timestamp AT TIME ZONE z.tz AS starts, (@to::date + 1)::timestamp AT TIME ZONE z.tz AS ends,
                 CASE WHEN jsonb_typeof(s.opening_hours) = 'array' AND jsonb_array_length(s.opening_hours) = 7 THEN s.opening_hours END AS hours,
                 CASE WHEN t.metadata->>'closing_time_override' ~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]$'
                      THEN (t.metadata->>'closing_time_override')::time ELSE time '21:00' END AS closing
          FROM public.tenants_v2 t
          LEFT JOIN dashboard.tenant_settings s ON s.tenant_id = t.id
          CROSS JOIN LATERAL (SELECT {{SalonZoneSql.Zone(zones, "t.id")}} AS tz) z
          WHERE t.is_active AND {{ScopeSql.Condition("t.id")}}
        ),
        value_sessions AS (
          SELECT s.tenant_id, (s.started_at AT TIME ZONE tn.tz) AS local, s.session_id, s.booking_id, s.booking_amount, s.final_intent,
                 coalesce(s.booking_currency, 'RUB') AS currency, tn.closing,
                 CASE WHEN tn.hours IS NOT NULL THEN tn.hours->>(extract(isodow FROM s.started_at AT TIME ZONE tn.tz)::int - 1) END AS day_hours
          FROM value_tenants tn
          JOIN public.conversation_sessions_v2 s
            ON s.tenant_id = tn.tenant_id AND s.started_at >= tn.starts AND s.started_at < tn.ends
          WHERE s.started_at >= ((@from::date - 1)::timestamp AT TIME ZONE 'UTC')
            AND s.started_at < ((@to::date + 2)::timestamp AT TIME ZONE 'UTC')
        ),
        value_flags AS (
          SELECT v.tenant_id, v.local::date AS day, v.booking_id IS NOT NULL AS booked, v.final_intent,
                 CASE WHEN v.booking_id IS NOT NULL AND v.currency = 'RUB' THEN coalesce(v.booking_amount, 0) ELSE 0 END AS rub,
                 v.booking_id IS NOT NULL AND v.currency = 'RUB' AND v.booking_amount IS NOT NULL AS priced,
                 NOT CASE
                   WHEN v.day_hours IS NULL THEN v.local::time >= time '10:00' AND v.local::time < v.closing
                   WHEN v.day_hours ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$'
                     THEN v.local::time >= split_part(v.day_hours, '-', 1)::time AND v.local::time < split_part(v.day_hours, '-', 2)::time
                   ELSE false -- a day off: every dialog is after hours
                 END AS after_hours,
                 (SELECT count(*) FROM public.recent_history_v2 h
                  WHERE h.session_id = v.session_id AND h.tenant_id = v.tenant_id AND h.role = 'assistant') AS replies
          FROM value_sessions v
        ),
        -- Intents over time: dialogs per final_intent (a dialog without one is not counted: no drill-down could find it).
        value_intents AS (
          SELECT tenant_id, day, jsonb_object_agg(final_intent, n ORDER BY final_intent) AS intents
          FROM (SELECT tenant_id, day, final_intent, count(*)::int AS n FROM value_flags WHERE final_intent IS NOT NULL
                GROUP BY tenant_id, day, final_intent) i
          GROUP BY tenant_id, day
        )
        SELECT f.tenant_id, f.day,
               count(*) FILTER (WHERE f.after_hours)::int AS after_hours_dialogs,
               count(*) FILTER (WHERE f.after_hours AND f.booked)::int AS after_hours_bookings,
               coalesce(sum(f.rub) FILTER (WHERE f.after_hours), 0) AS after_hours_revenue,
               coalesce(sum(f.replies), 0)::int AS bot_replies,
               count(*) FILTER (WHERE f.priced)::int AS priced_bookings,
               coalesce(min(i.intents::text), '{}') AS intents
        FROM value_flags f LEFT JOIN value_intents i ON i.tenant_id = f.tenant_id AND i.day = f.day
        GROUP BY f.tenant_id, f.day
        """;

    /// <summary>Writes <see cref="ValueSelect"/> into the chunk's rows of the active salons; a day without dialogs gets zeros.</summary>
    private static string ValueUpdate(ScopeZones zones) => """
        UPDATE dashboard.metrics_dailies m
        SET after_hours_dialogs = coalesce(v.after_hours_dialogs, 0), after_hours_bookings = coalesce(v.after_hours_bookings, 0),
            after_hours_revenue = coalesce(v.after_hours_revenue, 0), bot_replies = coalesce(v.bot_replies, 0),
            priced_bookings = coalesce(v.priced_bookings, 0), intents = coalesce(v.intents::jsonb, '{}'::jsonb)
        FROM dashboard.metrics_dailies mr
        LEFT JOIN (
        """ + ValueSelect(zones) + $"""
        ) v ON v.tenant_id = mr.tenant_id AND v.day = mr.day
        WHERE m.id = mr.id AND mr.day BETWEEN @from::date AND @to::date AND {ScopeSql.Condition("mr.tenant_id")}
          AND mr.tenant_id IN (SELECT id FROM public.tenants_v2 WHERE is_active)
        """;

    public async Task<int> CollectAsync(DateOnly from, DateOnly to, Guid? tenantId, ScopeZones zones, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // One chunk = one statement = one transaction: a failure rolls back this chunk only.
        return await RunAsync(Upsert(zones), from, to, tenantId, zones, now, async c =>
        {
            var rows = await c.ExecuteNonQueryAsync(cancellationToken);
            c.CommandText = ValueUpdate(zones); // the same parameters, the same transaction
            await c.ExecuteNonQueryAsync(cancellationToken);
            return rows;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DailyMetrics>> ComputeAsync(DateOnly from, DateOnly to, Guid? tenantId, ScopeZones zones,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await RunAsync(Select(zones), from, to, tenantId, zones, now, async command =>
        {
            var rows = new List<DailyMetrics>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader));
            await reader.DisposeAsync();
            command.CommandText = ValueSelect(zones);
            var byDay = rows.ToDictionary(m => (m.TenantId, m.Day));
            await using var values = await command.ExecuteReaderAsync(cancellationToken);
            while (await values.ReadAsync(cancellationToken))
                if (byDay.TryGetValue((values.GetGuid(0), DateOnly.FromDateTime(values.GetDateTime(1))), out var day))
                {
                    day.AfterHoursDialogs = values.GetInt32(2);
                    day.AfterHoursBookings = values.GetInt32(3);
                    day.AfterHoursRevenue = values.GetDecimal(4);
                    day.BotReplies = values.GetInt32(5);
                    day.PricedBookings = values.GetInt32(6);
                    day.Intents = Json<Dictionary<string, int>>(values.GetString(7));
                }
            return (IReadOnlyList<DailyMetrics>)rows;
        }, cancellationToken);
    }

    private async Task<T> RunAsync<T>(string sql, DateOnly from, DateOnly to, Guid? tenantId, ScopeZones zones, DateTimeOffset now,
        Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The planner's cost estimate for this statement triggers LLVM JIT, whose ~0.8 s of compiling is most of a
            // chunk's time; the plan itself is cheap to interpret.
            await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
                await noJit.ExecuteNonQueryAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            scope.AddTo(command, tenantId);
            SalonZoneSql.AddParameters(command, zones);
            command.Parameters.AddWithValue("now", now);
            var result = await run(command);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Ordinals follow Columns.
    private static DailyMetrics Read(NpgsqlDataReader r) => new()
    {
        TenantId = r.GetGuid(0),
        Day = DateOnly.FromDateTime(r.GetDateTime(1)),
        DialogsStarted = (int)r.GetInt64(2),
        Bookings = (int)r.GetInt64(3),
        Conversion = r.GetDecimal(4),
        AvgResponseMs = r.GetInt32(5),
        AnsweredMessages = r.GetInt32(6),
        TotalRevenue = r.GetDecimal(7),
        Currency = r.GetString(8),
        RevenueByCurrency = Json<Dictionary<string, decimal>>(r.GetString(9)),
        Escalated = (int)r.GetInt64(10),
        Dropped = (int)r.GetInt64(11),
        FunnelCompleted = (int)r.GetInt64(12),
        DroppedAtService = (int)r.GetInt64(13),
        DroppedAtStaff = (int)r.GetInt64(14),
        DroppedAtDate = (int)r.GetInt64(15),
        DroppedAtTime = (int)r.GetInt64(16),
        TelegramDialogs = (int)r.GetInt64(17),
        WhatsappDialogs = (int)r.GetInt64(18),
        PositiveDialogs = (int)r.GetInt64(19),
        NeutralDialogs = (int)r.GetInt64(20),
        NegativeDialogs = (int)r.GetInt64(21),
        TopServices = Json<List<RankedItem>>(r.GetString(22)),
        TopStaff = Json<List<RankedItem>>(r.GetString(23)),
        AttendedBookings = (int)r.GetInt64(24),
        NoShowBookings = (int)r.GetInt64(25),
        AttendedRevenue = r.GetDecimal(26),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(27),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(28),
    };

    private static T Json<T>(string json) where T : new() =>
        System.Text.Json.JsonSerializer.Deserialize<T>(json, BotJson.Options) ?? new T();
}
