using AgentP.Application.Dialogs;
using AgentP.Application.Metrics;
using AgentP.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MediatR;

namespace AgentP.Integration.Tests;

/// <summary>
/// Hand-computed days (docs/architecture.md §5): salon A in Moscow, salon B in Yekaterinburg (UTC+5), salon C inactive.
/// A on 2026-11-10 (Moscow): 4 dialogs, 2 bookings (one without amount), 1 dropped at time, 1 escalated;
/// A on 2026-11-11: 3 dialogs, 1 booking, 2 dropped at service.
/// </summary>
public sealed class MetricsFixture : AppFixture
{
    public Guid SalonA { get; private set; }
    public Guid SalonB { get; private set; }
    public Guid SalonC { get; private set; }

    private static DateTimeOffset Utc(int day, int hour, int minute = 0, int second = 0) => new(2026, 11, day, hour, minute, second, TimeSpan.Zero);

    protected override async Task SeedAsync()
    {
        SalonA = await Db.Bot.TenantAsync("Метрики А");
        SalonB = await Db.Bot.TenantAsync("Метрики Б");
        SalonC = await Db.Bot.TenantAsync("Метрики В (отключён)", active: false);
        await Db.ExecuteAsync("INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at) VALUES ($1, 'Asia/Yekaterinburg', 15, 50, 20, 5, true, now())", true, SalonB);
        var a = await Db.Bot.ClientAsync(SalonA);
        var b = await Db.Bot.ClientAsync(SalonB);
        var c = await Db.Bot.ClientAsync(SalonC);

        // 21:30 UTC on the 9th is 00:30 on the 10th in Moscow.
        var s1 = Guid.NewGuid();
        await Db.Bot.SessionAsync(SalonA, a, Utc(9, 21, 30), bookingId: "YC-1", amount: 2500, sessionId: s1,
            metaJson: """{"services_mentioned": ["маникюр"], "staff_name": "Анна", "sentiment": "positive"}""");
        var s2 = Guid.NewGuid();
        await Db.Bot.SessionAsync(SalonA, a, Utc(10, 10), bookingId: "YC-2", amount: null, channel: "whatsapp", sessionId: s2,
            metaJson: """{"services_mentioned": ["маникюр", "педикюр"], "staff_id": "102", "sentiment": "neutral"}""");
        await Db.Bot.SessionAsync(SalonA, a, Utc(10, 12), status: "dropped", metaJson: """{"drop_off_stage": "time_selection", "sentiment": "negative"}""");
        await Db.Bot.SessionAsync(SalonA, a, Utc(10, 20, 59), status: "escalated"); // 23:59 Moscow: still the 10th
        await Db.Bot.SessionAsync(SalonA, a, Utc(10, 21), bookingId: "YC-3", amount: 3000, currency: "RUB", // 00:00 Moscow: the 11th
            metaJson: """{"services_mentioned": ["стрижка"], "staff_name": "Ольга"}""");
        await Db.Bot.SessionAsync(SalonA, a, Utc(11, 9), status: "dropped", metaJson: """{"drop_off_stage": "service_selection"}""");
        await Db.Bot.SessionAsync(SalonA, a, Utc(11, 10), status: "dropped", metaJson: """{"drop_off_stage": "service_selection"}""");

        // Response times on the 10th: s1 answers after 2, 4 and 1 s (its last user message stays unanswered),
        // s2 answers two user messages with one reply after 7 and 6 s. Mean over messages: 20 000 / 5 = 4 000 ms.
        var t1 = Utc(9, 21, 30);
        foreach (var (role, seconds) in new[] { ("user", 0), ("assistant", 2), ("user", 10), ("assistant", 14), ("user", 20), ("assistant", 21), ("user", 30) })
            await Db.Bot.MessageAsync(SalonA, a, s1, role, t1.AddSeconds(seconds));
        var t2 = Utc(10, 10);
        foreach (var (role, seconds) in new[] { ("user", 0), ("user", 1), ("assistant", 7) })
            await Db.Bot.MessageAsync(SalonA, a, s2, role, t2.AddSeconds(seconds));

        // 19:30 UTC on the 10th is 00:30 on the 11th in Yekaterinburg (but 22:30 on the 10th in Moscow).
        await Db.Bot.SessionAsync(SalonB, b, Utc(10, 19, 30), bookingId: "YC-B", amount: 1000);
        await Db.Bot.SessionAsync(SalonC, c, Utc(10, 12), bookingId: "YC-C", amount: 9999);

        await App.CreateUserAsync("admin-a@metrics.local", Password, AgentP.Domain.Common.Role.Admin, SalonA);
        await App.CreateUserAsync("admin-b@metrics.local", Password, AgentP.Domain.Common.Role.Admin, SalonB);
        await App.CreateUserAsync("root@metrics.local", Password, AgentP.Domain.Common.Role.SuperAdmin, null);
    }

    public const string Password = "Metrics-pass-2026";
}

public sealed class DailyMetricsTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private static readonly DateOnly Nov10 = new(2026, 11, 10), Nov11 = new(2026, 11, 11);

    private async Task<MetricsCollection> CollectAsync(DateOnly from, DateOnly to, Guid? tenant = null)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(from, to, tenant));
    }

    private Task<string> RowAsync(Guid tenant, DateOnly day) => fixture.Db.ScalarAsync<string>($"""
        SELECT concat_ws(' ', dialogs_started, bookings, conversion, avg_response_ms, total_revenue, escalated, dropped,
          funnel_completed, dropped_at_service, dropped_at_staff, dropped_at_date, dropped_at_time,
          telegram_dialogs, whatsapp_dialogs, positive_dialogs, neutral_dialogs, negative_dialogs)
        FROM dashboard.metrics_dailies WHERE tenant_id = '{tenant}' AND day = '{day:yyyy-MM-dd}'
        """);

    [Fact]
    public async Task Stores_the_hand_computed_rows_for_every_active_salon_and_day()
    {
        var result = await CollectAsync(Nov10, Nov11);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, 2, 4), (result.Days, result.Tenants, result.Rows));
        //            dialogs bookings conv  resp  revenue esc drop funnel svc staff date time tg wa + ~ -
        Assert.Equal("4 2 50.00 4000 2500.00 1 1 3 0 0 0 1 3 1 1 1 1", await RowAsync(fixture.SalonA, Nov10));
        Assert.Equal("3 1 33.33 0 3000.00 0 2 1 2 0 0 0 3 0 0 0 0", await RowAsync(fixture.SalonA, Nov11));
        Assert.Equal("0 0 0.00 0 0.00 0 0 0 0 0 0 0 0 0 0 0 0", await RowAsync(fixture.SalonB, Nov10)); // zeros are rows too
        Assert.Equal("1 1 100.00 0 1000.00 0 0 1 0 0 0 0 1 0 0 0 0", await RowAsync(fixture.SalonB, Nov11)); // its own local day
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonC}'"));
    }

    [Fact]
    public async Task Dialogs_indexed_once_give_the_same_rows_as_dialogs_read_live()
    {
        // The bot archived these dialogs an hour ago: the dialog index takes them, response times included.
        await fixture.Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await fixture.Db.SealPublicAsync(); // the bot's write above, not the dashboard's
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.Equal(9, (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs())).Added);
        Assert.Equal("2:13000 3:7000", await fixture.Db.ScalarAsync<string>(
            "SELECT string_agg(answered || ':' || response_ms_total::int, ' ' ORDER BY answered) FROM dashboard.dialog_facts WHERE answered > 0"));

        await CollectAsync(Nov10, Nov11);
        Assert.Equal("4 2 50.00 4000 2500.00 1 1 3 0 0 0 1 3 1 1 1 1", await RowAsync(fixture.SalonA, Nov10));
        Assert.Equal("3 1 33.33 0 3000.00 0 2 1 2 0 0 0 3 0 0 0 0", await RowAsync(fixture.SalonA, Nov11));
        Assert.Equal(5, await fixture.Db.ScalarAsync<int>($"SELECT answered_messages FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonA}' AND day = '2026-11-10'"));
    }

    [Fact]
    public async Task Top_services_and_staff_are_ranked_with_revenue_where_a_missing_amount_counts_as_zero()
    {
        await CollectAsync(Nov10, Nov10, fixture.SalonA);
        Assert.True(await JsonColumnEqualsAsync("top_services",
            """[{"name": "маникюр", "bookings": 2, "revenue": 2500}, {"name": "педикюр", "bookings": 1, "revenue": 0}]"""));
        Assert.True(await JsonColumnEqualsAsync("top_staff",
            """[{"name": "Анна", "bookings": 1, "revenue": 2500}, {"name": "102", "bookings": 1, "revenue": 0}]"""));
        Assert.True(await JsonColumnEqualsAsync("revenue_by_currency", """{"RUB": 2500}"""));
    }

    [Fact]
    public async Task Collecting_twice_gives_the_same_rows()
    {
        await CollectAsync(Nov10, Nov11);
        var first = await SnapshotAsync();
        await CollectAsync(Nov10, Nov11);
        Assert.Equal(first, await SnapshotAsync());
        Assert.Equal(4L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.metrics_dailies WHERE day BETWEEN '2026-11-10' AND '2026-11-11'"));
    }

    [Fact]
    public async Task A_long_range_is_collected_in_chunks_and_reported_per_chunk()
    {
        var chunks = new List<MetricsChunk>();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CollectDailyMetrics(new DateOnly(2026, 9, 1), Nov11, fixture.SalonB, new InlineProgress(chunks.Add)));

        Assert.Equal(72, result.Days);
        Assert.Equal(72, result.Rows);
        Assert.Equal([31, 31, 10], chunks.OrderBy(c => c.From).Select(c => c.Rows)); // two at a time: they may finish in any order
        Assert.Equal([1, 2, 3], chunks.Select(c => c.Done));
    }

    [Fact]
    public async Task A_failed_chunk_is_rolled_back_reported_and_the_days_before_it_stay()
    {
        const string Days = "FROM dashboard.metrics_dailies WHERE tenant_id = '{0}' AND day BETWEEN '{1}' AND '{2}'";
        await fixture.Db.ExecuteAsync($"DELETE {string.Format(Days, fixture.SalonB, "2026-09-01", "2026-11-11")}");
        // A failure inside the second chunk (2026-10-02 … 2026-11-01), as a full disk or a lost connection would be.
        await fixture.Db.ExecuteAsync("""
            CREATE FUNCTION dashboard.fail_on_oct_15() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN IF NEW.day = '2026-10-15' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_on_oct_15 BEFORE INSERT ON dashboard.metrics_dailies FOR EACH ROW EXECUTE FUNCTION dashboard.fail_on_oct_15();
            """);
        try
        {
            var result = await CollectAsync(new DateOnly(2026, 9, 1), Nov11, fixture.SalonB);

            Assert.False(result.Succeeded);
            Assert.Contains("disk full", result.Error);
            Assert.Equal(new DateOnly(2026, 10, 2), result.FailedFrom);
            Assert.Equal((31, 31), (result.Days, result.Rows));
            Assert.Equal(31L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) {string.Format(Days, fixture.SalonB, "2026-09-01", "2026-10-01")}"));
            Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) {string.Format(Days, fixture.SalonB, "2026-10-02", "2026-11-01")}"));
        }
        finally
        {
            await fixture.Db.ExecuteAsync("DROP TRIGGER fail_on_oct_15 ON dashboard.metrics_dailies; DROP FUNCTION dashboard.fail_on_oct_15()");
        }
    }

    [Fact]
    public async Task A_reversed_range_or_an_unknown_salon_is_refused()
    {
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => CollectAsync(Nov11, Nov10));
        var unknown = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => CollectAsync(Nov10, Nov11, Guid.NewGuid()));
        Assert.Contains("не найден", unknown.Message);
    }

    private Task<string> SnapshotAsync() => fixture.Db.ScalarAsync<string>("""
        SELECT string_agg(concat_ws(' ', tenant_id, day, dialogs_started, bookings, conversion, avg_response_ms, total_revenue,
          revenue_by_currency::text, top_services::text, top_staff::text, created_at), ';' ORDER BY tenant_id, day)
        FROM dashboard.metrics_dailies WHERE day BETWEEN '2026-11-10' AND '2026-11-11'
        """);

    // jsonb equality: order inside arrays matters, key order inside objects does not.
    private Task<bool> JsonColumnEqualsAsync(string column, string expected) => fixture.Db.ScalarAsync<bool>(
        $"SELECT {column} = '{expected}'::jsonb FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonA}' AND day = '2026-11-10'");

    private sealed class InlineProgress(Action<MetricsChunk> report) : IProgress<MetricsChunk>
    {
        public void Report(MetricsChunk value) => report(value);
    }
}
