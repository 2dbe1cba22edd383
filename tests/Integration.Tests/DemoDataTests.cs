using AgentP.TestSupport;
using Npgsql;

namespace AgentP.Integration.Tests;

/// <summary>
/// build/sql/demo-data.sql loaded twice: as build/run.sh shapes it (5 salons, 180 days, fewer clients and dialogs) and
/// as build/bench.sh does (many salons, one-exchange dialogs), both with "now" fixed.
/// </summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public const string Now = "2026-11-23 09:00:00+00";
    public const int ClientsPerSalon = 200;
    public const int BenchClientsPerSalon = 400;

    private readonly Dictionary<string, TestDatabase> _databases = [];

    public TestDatabase this[string name] => _databases[name];

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        var demo = await server.CreateDatabaseAsync("demodata");
        _databases["demo"] = demo;
        await demo.LoadDemoDataAsync(new Dictionary<string, string>
        {
            ["clients_per_salon"] = ClientsPerSalon.ToString(), ["sessions_per_day"] = "8", ["now"] = Now,
        });
        var bench = await server.CreateDatabaseAsync("demobench");
        _databases["bench"] = bench;
        await bench.LoadDemoDataAsync(new Dictionary<string, string>
        {
            ["salons"] = "12", ["days"] = "5", ["clients_per_salon"] = BenchClientsPerSalon.ToString(), ["sessions_per_day"] = "20",
            ["min_turns"] = "1", ["max_turns"] = "4", ["now"] = Now,
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var db in _databases.Values) await db.DisposeAsync();
    }
}

/// <summary>The demo data tells coherent stories: the invariants a reader of the dashboard would otherwise trip over.</summary>
public sealed class DemoDataTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    /// <summary>The rows <paramref name="sql"/> selects (one text column: what is wrong), at most 5 shown.</summary>
    private async Task AssertNoneAsync(string data, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture[data].OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT * FROM ({sql}) v LIMIT 5", connection);
        var found = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) found.Add(reader.IsDBNull(0) ? "(null)" : reader.GetValue(0).ToString()!);
        Assert.True(found.Count == 0, $"{data}: {string.Join(" | ", found)}");
    }

    private Task<T> ScalarAsync<T>(string data, string sql) => fixture[data].ScalarAsync<T>(sql);

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task At_least_five_salons_have_dialogs_every_week_so_each_sees_its_place_among_them(string data)
    {
        Assert.True(await ScalarAsync<long>(data, """
            SELECT count(DISTINCT tenant_id) FROM public.conversation_sessions_v2
            WHERE started_at >= timestamptz '2026-11-23 09:00:00+00' - interval '5 days'
            """) >= 5);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task A_client_joins_before_their_first_dialog_their_memory_and_their_wishes(string data)
    {
        await AssertNoneAsync(data, """
            SELECT c.full_name || ' joined ' || c.created_at || ', first dialog ' || f.first_at
            FROM public.clients_v2 c JOIN (SELECT user_id, min(started_at) AS first_at FROM public.conversation_sessions_v2 GROUP BY 1) f ON f.user_id = c.id
            WHERE c.created_at > f.first_at
            """);
        // Whoever joined during the history did so by writing: nobody new sits in the list without a dialog.
        await AssertNoneAsync(data, """
            SELECT c.full_name || ' joined ' || c.created_at || ' and never wrote'
            FROM public.clients_v2 c
            WHERE c.created_at >= (SELECT min(started_at) FROM public.conversation_sessions_v2 s WHERE s.tenant_id = c.tenant_id)
              AND NOT EXISTS (SELECT 1 FROM public.conversation_sessions_v2 s WHERE s.user_id = c.id)
            """);
        await AssertNoneAsync(data, """
            SELECT 'wish ' || w.id || ' before its client' FROM public.wishlist_v2 w JOIN public.clients_v2 c ON c.id = w.user_id WHERE w.created_at < c.created_at
            UNION ALL
            SELECT 'memory ' || m.id || ' before its client' FROM public.user_ltm_v2 m JOIN public.clients_v2 c ON c.id = m.user_id WHERE m.created_at < c.created_at
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Every_row_belongs_to_its_salon_s_client(string data)
    {
        // The generator skips the foreign keys' row-by-row checks as a superuser: the rows must hold them anyway, and more.
        await AssertNoneAsync(data, """
            SELECT 'client ' || c.id || ' of no salon' FROM public.clients_v2 c WHERE NOT EXISTS (SELECT 1 FROM public.tenants_v2 t WHERE t.id = c.tenant_id)
            UNION ALL
            SELECT 'dialog ' || s.id || ' of another salon''s client' FROM public.conversation_sessions_v2 s
            WHERE NOT EXISTS (SELECT 1 FROM public.clients_v2 c WHERE c.id = s.user_id AND c.tenant_id = s.tenant_id)
            UNION ALL
            SELECT 'message ' || h.id || ' outside its dialog' FROM public.recent_history_v2 h
            WHERE NOT EXISTS (SELECT 1 FROM public.conversation_sessions_v2 s WHERE s.session_id = h.session_id AND s.user_id = h.user_id AND s.tenant_id = h.tenant_id)
            UNION ALL
            SELECT 'wish ' || w.id || ' of another salon''s client' FROM public.wishlist_v2 w
            WHERE NOT EXISTS (SELECT 1 FROM public.clients_v2 c WHERE c.id = w.user_id AND c.tenant_id = w.tenant_id)
            UNION ALL
            SELECT 'memory ' || m.id || ' of another salon''s client' FROM public.user_ltm_v2 m
            WHERE NOT EXISTS (SELECT 1 FROM public.clients_v2 c WHERE c.id = m.user_id AND c.tenant_id = m.tenant_id)
            """);
    }

    [Fact]
    public async Task Dialogs_thin_out_through_the_night_without_a_midnight_spike()
    {
        // From 23:00 to 04:00 each hour holds no more dialogs than the one before, and no fewer than half of them (with a
        // little slack for chance): the evening thins out, it does not leap up at midnight and fall off a cliff at one.
        await AssertNoneAsync("demo", """
            WITH h AS (SELECT extract(hour FROM started_at AT TIME ZONE 'Europe/Moscow')::int AS hour, count(*) AS n
                       FROM public.conversation_sessions_v2 GROUP BY 1)
            SELECT later.hour || ':00 has ' || later.n || ' dialogs after ' || earlier.n
            FROM h later JOIN h earlier ON earlier.hour = (later.hour + 23) % 24
            WHERE later.hour IN (0, 1, 2, 3) AND (later.n > earlier.n * 1.2 + 5 OR earlier.n > later.n * 2 + 5)
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Escalations_have_several_reasons_each_told_alike_in_intent_summary_and_messages(string data)
    {
        Assert.True(await ScalarAsync<long>(data,
            "SELECT count(DISTINCT final_intent) FROM public.conversation_sessions_v2 WHERE final_status = 'escalated'") >= 3);
        Assert.True(await ScalarAsync<long>(data,
            "SELECT count(DISTINCT final_summary) FROM public.conversation_sessions_v2 WHERE final_status = 'escalated'") >= 3);
        // Only a complaint speaks of the late master.
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || s.final_intent FROM public.conversation_sessions_v2 s
            WHERE s.final_status = 'escalated' AND s.final_intent <> 'complaint'
              AND EXISTS (SELECT 1 FROM public.recent_history_v2 h WHERE h.session_id = s.session_id AND h.message LIKE '%опоздала%')
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task The_bot_says_who_does_a_service_in_the_number_of_its_masters(string data)
    {
        // «Коррекцию бровей делает Полина», «Маникюр делают Ирина и Ольга».
        await AssertNoneAsync(data, """
            SELECT message FROM public.recent_history_v2
            WHERE role = 'assistant' AND ((message ~ ' делают [А-ЯЁ][а-яё]+\. ' AND message !~ ' делают [^.]* и ')
                                          OR message ~ ' делает [^.]* и [А-ЯЁ]')
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Nobody_asks_for_last_times_master_in_their_first_dialog(string data)
    {
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || h.message FROM public.recent_history_v2 h
            JOIN public.conversation_sessions_v2 s ON s.session_id = h.session_id
            WHERE h.message LIKE '%что и в прошлый раз%'
              AND NOT EXISTS (SELECT 1 FROM public.conversation_sessions_v2 e WHERE e.user_id = s.user_id AND e.started_at < s.started_at)
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task An_escalated_dialog_ends_by_handing_over_and_never_books(string data)
    {
        Assert.True(await ScalarAsync<long>(data, "SELECT count(*) FROM public.conversation_sessions_v2 WHERE final_status = 'escalated'") > 0);
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || coalesce(last.message, 'no messages')
            FROM public.conversation_sessions_v2 s
            LEFT JOIN LATERAL (SELECT h.role, h.message FROM public.recent_history_v2 h WHERE h.session_id = s.session_id
                               ORDER BY h.created_at DESC, h.id DESC LIMIT 1) last ON true
            WHERE s.final_status = 'escalated'
              AND (s.booking_id IS NOT NULL OR s.booking_datetime IS NOT NULL OR last.role IS DISTINCT FROM 'assistant'
                   OR last.message NOT LIKE 'Передаю ваш вопрос администратору%'
                   OR EXISTS (SELECT 1 FROM public.recent_history_v2 h WHERE h.session_id = s.session_id AND h.message LIKE 'Записала вас%'))
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task A_booked_dialog_ends_by_confirming_its_own_master_day_and_time_and_only_a_booked_one_does(string data)
    {
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || coalesce(last.message, 'no messages')
            FROM public.conversation_sessions_v2 s
            LEFT JOIN LATERAL (SELECT h.role, h.message FROM public.recent_history_v2 h WHERE h.session_id = s.session_id
                               ORDER BY h.created_at DESC, h.id DESC LIMIT 1) last ON true
            WHERE s.booking_id IS NOT NULL
              AND (last.role IS DISTINCT FROM 'assistant' OR last.message NOT LIKE 'Записала вас%'
                   OR strpos(last.message, 'к мастеру ' || (s.meta->>'staff_name')) = 0
                   OR strpos(last.message, to_char(s.booking_datetime AT TIME ZONE 'Europe/Moscow', 'DD.MM в HH24:MI')) = 0
                   OR s.booking_datetime <= s.started_at OR s.booking_amount IS NULL)
            """);
        // The price the bot quotes first is the price booked (no-break spaces: "3 000 ₽" never wraps).
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || s.booking_amount || ' booked, quoted: ' || h.message
            FROM public.conversation_sessions_v2 s
            JOIN LATERAL (SELECT message FROM public.recent_history_v2 h WHERE h.session_id = s.session_id AND h.role = 'assistant'
                          ORDER BY h.created_at, h.id LIMIT 1) h ON true
            WHERE s.booking_id IS NOT NULL AND s.messages_count > 2
              AND strpos(h.message, ' ' || regexp_replace(s.booking_amount::int::text, '(\d)(\d{3})$', '\1' || chr(160) || '\2') || chr(160) || '₽') = 0
            """);
        await AssertNoneAsync(data, """
            SELECT s.id || ' (' || s.final_status || ') confirms a booking it does not have'
            FROM public.conversation_sessions_v2 s
            WHERE s.booking_id IS NULL AND EXISTS (SELECT 1 FROM public.recent_history_v2 h WHERE h.session_id = s.session_id AND h.message LIKE 'Записала вас%')
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task A_dialog_holds_its_messages_in_turns_within_its_time(string data)
    {
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || s.messages_count || ' messages counted, ' || m.n || ' stored'
            FROM public.conversation_sessions_v2 s
            JOIN (SELECT session_id, count(*) AS n, count(*) FILTER (WHERE role = 'user') AS users, min(created_at) AS first_at, max(created_at) AS last_at
                  FROM public.recent_history_v2 GROUP BY 1) m ON m.session_id = s.session_id
            WHERE m.n <> s.messages_count OR m.users <> s.user_messages_count OR m.n - m.users <> s.agent_messages_count
               OR m.first_at < s.started_at OR m.last_at > s.ended_at
               OR s.duration_sec <> round(extract(epoch FROM s.ended_at - s.started_at))
            """);
        await AssertNoneAsync(data, """
            SELECT session_id || ': message ' || n || ' is ' || role
            FROM (SELECT session_id, role, row_number() OVER (PARTITION BY session_id ORDER BY created_at, id) AS n FROM public.recent_history_v2) h
            WHERE role <> CASE n % 2 WHEN 1 THEN 'user' ELSE 'assistant' END
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Durations_and_response_times_vary_like_real_ones(string data)
    {
        var (dialogs, durations, spread) = await Read3Async(data,
            "SELECT count(*), count(DISTINCT duration_sec), coalesce(stddev(duration_sec), 0)::float8 FROM public.conversation_sessions_v2");
        Assert.True(durations > Math.Min(dialogs / 4, 200), $"{durations} different durations among {dialogs} dialogs");
        Assert.True(spread > 60, $"durations' standard deviation {spread} s");

        // Each client message's answer: the first assistant message after it.
        var (fastest, slowest, replySpread) = await Read3Async(data, """
            SELECT min(wait), max(wait), stddev(wait)::float8 FROM (
              SELECT extract(epoch FROM lead(created_at) OVER w - created_at)::float8 AS wait, role, lead(role) OVER w AS next_role
              FROM public.recent_history_v2 WINDOW w AS (PARTITION BY session_id ORDER BY created_at, id)) x
            WHERE role = 'user' AND next_role = 'assistant'
            """);
        Assert.True(fastest < 3 && slowest > 15 && replySpread > 2, $"answers after {fastest}…{slowest} s, standard deviation {replySpread} s");
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Masters_have_one_name_in_one_salon_and_dialogs_bookings_memory_and_wishlist_agree(string data)
    {
        Assert.True(await ScalarAsync<long>(data, "SELECT count(DISTINCT meta->>'staff_id') FROM public.conversation_sessions_v2") > 3);
        // Dialogs and wishes name masters by id and name: one name per id, one salon per id, one id per name in a salon.
        await AssertNoneAsync(data, """
            WITH mentions AS (
              SELECT tenant_id, meta->>'staff_id' AS id, meta->>'staff_name' AS name FROM public.conversation_sessions_v2 WHERE meta ? 'staff_id'
              UNION ALL SELECT tenant_id, meta->>'staff_id', meta->>'staff_name' FROM public.wishlist_v2)
            SELECT 'master ' || coalesce(id, 'without id') || ' has ' || count(DISTINCT name) || ' names, ' || count(DISTINCT tenant_id) || ' salons'
            FROM mentions GROUP BY id HAVING id IS NULL OR count(DISTINCT name) <> 1 OR count(DISTINCT tenant_id) > 1
            UNION ALL
            SELECT 'two masters called ' || name || ' in one salon' FROM mentions GROUP BY tenant_id, name HAVING count(DISTINCT id) > 1
            """);
        // What the bot says about masters in a transcript names the salon's own (in 180 days every master has bookings;
        // in the bench's five, not every one).
        if (data == "demo") await AssertNoneAsync(data, """
            WITH staff AS (SELECT DISTINCT tenant_id, meta->>'staff_name' AS name FROM public.conversation_sessions_v2 WHERE meta ? 'staff_id'
                           UNION SELECT tenant_id, meta->>'staff_name' FROM public.wishlist_v2)
            SELECT h.message FROM public.recent_history_v2 h
            CROSS JOIN LATERAL regexp_matches(h.message, '(?:[Мм]астер[ау]?|свободна|делают|и) ([А-ЯЁ][а-яё]+)', 'g') AS m(name)
            WHERE h.role = 'assistant' AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.tenant_id = h.tenant_id AND s.name = m.name[1])
            """);
        // The bot's memory of a client names masters the salon's bookings know.
        await AssertNoneAsync(data, """
            WITH staff AS (SELECT DISTINCT tenant_id, meta->>'staff_id' AS id FROM public.conversation_sessions_v2 WHERE booking_id IS NOT NULL)
            SELECT 'memory ' || m.id || ': preferred ' || coalesce(m.preferred_staff_id, 'none')
            FROM public.user_ltm_v2 m WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.tenant_id = m.tenant_id AND s.id = m.preferred_staff_id)
            UNION ALL
            SELECT 'memory ' || m.id || ': booking_stats ' || k
            FROM public.user_ltm_v2 m, jsonb_object_keys(m.ltm_data->'booking_stats') k
            WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.tenant_id = m.tenant_id AND 'staff_' || s.id = k)
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task Services_come_from_the_salon_s_catalogue_at_one_price(string data)
    {
        await AssertNoneAsync(data, """
            WITH services AS (SELECT DISTINCT s.tenant_id, x.title FROM public.conversation_sessions_v2 s, jsonb_array_elements_text(s.meta->'services_mentioned') x(title))
            SELECT 'wish ' || w.id || ': ' || coalesce(w.meta->>'service_title', 'no service')
            FROM public.wishlist_v2 w WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.tenant_id = w.tenant_id AND s.title = w.meta->>'service_title')
            UNION ALL
            SELECT 'memory ' || m.id || ': ' || coalesce(m.preferred_service_id, 'no service')
            FROM public.user_ltm_v2 m WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.tenant_id = m.tenant_id AND s.title = m.preferred_service_id)
            UNION ALL
            SELECT 'a salon has ' || count(DISTINCT booking_amount) || ' prices for ' || (meta->'services_mentioned'->>0)
            FROM public.conversation_sessions_v2 WHERE booking_id IS NOT NULL GROUP BY tenant_id, meta->'services_mentioned'->>0
            HAVING count(DISTINCT booking_amount) > 1
            """);
        // The dialog talks about the service it is filed under.
        await AssertNoneAsync(data, """
            SELECT s.id || ': ' || h.message
            FROM public.conversation_sessions_v2 s
            JOIN LATERAL (SELECT message FROM public.recent_history_v2 h WHERE h.session_id = s.session_id ORDER BY h.created_at, h.id LIMIT 1) h ON true
            WHERE strpos(lower(h.message), lower(left(s.meta->'services_mentioned'->>0, 5))) = 0
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task The_bot_remembers_what_the_bookings_say(string data)
    {
        await AssertNoneAsync(data, """
            WITH booked AS (
              SELECT user_id, count(*) AS n,
                     max((booking_datetime AT TIME ZONE 'Europe/Moscow')::date) FILTER (WHERE booking_datetime < timestamptz '2026-11-23 09:00:00+00') AS last_visit
              FROM public.conversation_sessions_v2 WHERE booking_id IS NOT NULL GROUP BY user_id)
            SELECT coalesce(b.user_id, m.user_id) || ': ' || coalesce(b.n, 0) || ' bookings, memory ' || coalesce(m.ltm_data::text, 'none')
            FROM booked b FULL JOIN public.user_ltm_v2 m ON m.user_id = b.user_id
            WHERE b.user_id IS NULL OR m.user_id IS NULL
               OR (SELECT sum(v::int) FROM jsonb_each_text(m.ltm_data->'booking_stats') e(k, v)) <> b.n
               OR (m.ltm_data->>'last_visit_date')::date IS DISTINCT FROM b.last_visit
               OR (m.ltm_data->>'avg_visit_interval')::int NOT BETWEEN 7 AND 180
            """);
    }

    [Theory, InlineData("demo", 180), InlineData("bench", 5)]
    public async Task The_history_covers_every_day_up_to_now(string data, int days)
    {
        // Every day before today (today's morning may be quiet yet), from the first of the period.
        await AssertNoneAsync(data, $"""
            SELECT t.name || ': ' || count(DISTINCT (s.started_at AT TIME ZONE 'Europe/Moscow')::date) || ' days from ' || min(s.started_at)
            FROM public.tenants_v2 t LEFT JOIN public.conversation_sessions_v2 s ON s.tenant_id = t.id
            GROUP BY t.id, t.name
            HAVING count(DISTINCT (s.started_at AT TIME ZONE 'Europe/Moscow')::date) FILTER (WHERE s.started_at < timestamptz '2026-11-22 21:00:00+00') <> {days - 1}
                OR min((s.started_at AT TIME ZONE 'Europe/Moscow')::date) <> date '2026-11-23' - {days - 1}
                OR max(s.started_at) > timestamptz '{DemoDataFixture.Now}'
            """);
    }

    [Theory, InlineData("demo", DemoDataFixture.ClientsPerSalon), InlineData("bench", DemoDataFixture.BenchClientsPerSalon)]
    public async Task One_client_in_eight_bears_the_salon_s_most_common_first_name(string data, int clientsPerSalon)
    {
        await AssertNoneAsync(data, $"""
            SELECT tenant_id || ': ' || string_agg(name || ' ' || n, ', ' ORDER BY n DESC)
            FROM (SELECT tenant_id, split_part(full_name, ' ', 1) AS name, count(*) AS n,
                         row_number() OVER (PARTITION BY tenant_id ORDER BY count(*) DESC) AS rank
                  FROM public.clients_v2 GROUP BY 1, 2) x
            WHERE rank <= 2 GROUP BY tenant_id
            HAVING max(n) FILTER (WHERE rank = 1) <> {clientsPerSalon / 8} OR max(n) FILTER (WHERE rank = 2) >= {clientsPerSalon / 8}
            """);
        // Men (a few) have men's surnames.
        await AssertNoneAsync(data, """
            SELECT full_name FROM public.clients_v2
            WHERE split_part(full_name, ' ', 1) IN ('Дмитрий', 'Алексей', 'Игорь', 'Сергей', 'Максим', 'Артём', 'Павел', 'Андрей') AND full_name LIKE '%а'
            """);
    }

    [Theory, InlineData("demo"), InlineData("bench")]
    public async Task A_wish_follows_a_dialog_dropped_for_want_of_a_slot_with_that_service_and_master(string data)
    {
        await AssertNoneAsync(data, """
            SELECT 'wish ' || w.id || ' (' || w.status || ')'
            FROM public.wishlist_v2 w
            WHERE NOT EXISTS (SELECT 1 FROM public.conversation_sessions_v2 s
                              WHERE s.user_id = w.user_id AND s.final_status = 'dropped' AND s.meta->>'drop_off_stage' IN ('date_selection', 'time_selection')
                                AND s.meta->'services_mentioned'->>0 = w.meta->>'service_title' AND s.ended_at <= w.created_at)
               OR (w.status = 'pending') <> (w.processed_at IS NULL) OR w.processed_at < w.created_at
               OR w.processed_at > timestamptz '2026-11-23 09:00:00+00'
            """);
    }

    [Fact]
    public async Task The_demos_older_escalations_are_closed_by_a_person_with_a_note_and_a_second_run_adds_none()
    {
        // build/run.sh runs build/sql/demo-cases.sql after the migrations: staff have dealt with last month's escalations.
        var demo = fixture["demo"];
        var variables = new Dictionary<string, string> { ["now"] = DemoDataFixture.Now };
        await demo.Server.PsqlAsync(demo.Name, PostgresServer.SqlScript("demo-cases.sql"), variables);
        var closed = await ScalarAsync<long>("demo", "SELECT count(*) FROM dashboard.conversations WHERE status = 'resolved'");
        Assert.True(closed >= 10, $"{closed} closed cases");
        Assert.True(await ScalarAsync<long>("demo", "SELECT count(DISTINCT tenant_id) FROM dashboard.conversations WHERE status = 'resolved'") >= 4);
        await AssertNoneAsync("demo", """
            SELECT 'case ' || c.id FROM dashboard.conversations c
            JOIN public.conversation_sessions_v2 s ON s.id = c.session_id
            WHERE c.status <> 'resolved' OR c.closed_at <= c.escalated_at OR c.closure_reason !~ '[а-я]'
               OR s.final_status <> 'escalated' OR s.tenant_id <> c.tenant_id OR s.user_id::text <> c.client_id
               OR c.escalated_at > timestamptz '2026-11-23 09:00:00+00' - interval '8 days'
            """);
        await demo.Server.PsqlAsync(demo.Name, PostgresServer.SqlScript("demo-cases.sql"), variables);
        Assert.Equal(closed, await ScalarAsync<long>("demo", "SELECT count(*) FROM dashboard.conversations WHERE status = 'resolved'"));
    }

    private async Task<(double, double, double)> Read3Async(string data, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture[data].OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToDouble(reader.GetValue(0)), Convert.ToDouble(reader.GetValue(1)), Convert.ToDouble(reader.GetValue(2)));
    }
}
