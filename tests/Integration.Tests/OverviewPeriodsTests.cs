using System.Net;
using AgentP.Application.Dialogs;
using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Five months of dialogs (clock: Monday 2026-11-23 09:00 UTC) for salon A in Moscow and salon B in Vladivostok (UTC+10),
/// spread over every hour and weekday: ~470 for A, ~300 for B; every 5th escalated, every 4th booked. The older half of them
/// is in the dialog index, the rest is read live.
/// </summary>
public sealed class PeriodsFixture : AppFixture
{
    public const string Password = "Periods-pass-2026";
    public Guid SalonA { get; private set; }
    public Guid SalonB { get; private set; }
    public TestUser SuperAdmin { get; private set; } = null!;
    public TestUser AdminA { get; private set; } = null!;
    public TestUser AdminB { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        SalonA = await Db.Bot.TenantAsync("Периоды «Альфа»");
        SalonB = await Db.Bot.TenantAsync("Периоды «Бета»");
        await Db.ExecuteAsync($"""
            INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
            VALUES ('{SalonB}', 'Asia/Vladivostok', 15, 50, 20, 5, true, now())
            """);
        await DialogsAsync(SalonA, await Db.Bot.ClientAsync(SalonA), "2026-06-20 00:00+00", "7 hours 13 minutes");
        await DialogsAsync(SalonB, await Db.Bot.ClientAsync(SalonB, "Мария Петрова"), "2026-06-20 03:00+00", "11 hours 29 minutes");
        // Dialogs archived long enough ago for the index to take them (IndexDialogs.Settle): the older half.
        await Db.ExecuteAsync("""
            UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'
            WHERE id <= (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY id) FROM public.conversation_sessions_v2)
            """);

        SuperAdmin = new(await App.CreateUserAsync("root@periods.local", Password, Role.SuperAdmin, null), Role.SuperAdmin, null);
        AdminA = new(await App.CreateUserAsync("admin-a@periods.local", Password, Role.Admin, SalonA), Role.Admin, SalonA);
        AdminB = new(await App.CreateUserAsync("admin-b@periods.local", Password, Role.Admin, SalonB), Role.Admin, SalonB);
    }

    /// <summary>A dialog every <paramref name="step"/> from <paramref name="first"/> until the clock's now.</summary>
    private Task DialogsAsync(Guid tenant, Guid client, string first, string step) => Db.ExecuteAsync($"""
        INSERT INTO public.conversation_sessions_v2 (session_id, tenant_id, user_id, channel, started_at, final_status, booking_id, booking_amount)
        SELECT gen_random_uuid(), '{tenant}', '{client}', 'telegram', t,
               CASE WHEN i % 5 = 0 THEN 'escalated' WHEN i % 7 = 0 THEN 'dropped' ELSE 'done' END,
               CASE WHEN i % 4 = 0 THEN 'YC-' || i END, CASE WHEN i % 4 = 0 THEN 1000 + i END
        FROM generate_series(0, 2000) i
        CROSS JOIN LATERAL (SELECT timestamptz '{first}' + i * interval '{step}' AS t) x
        WHERE t < timestamptz '2026-11-23 08:55+00'
        """);
}

/// <summary>
/// The Overview by day, week and month, its containment, its weekday × hour heatmap and today's live figures, each compared
/// with the dialogs behind it (counted here straight from the bot's table) and with the CSV.
/// </summary>
public sealed class OverviewPeriodsTests(PeriodsFixture fixture) : IClassFixture<PeriodsFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new CollectDailyMetrics(new(2026, 6, 19), new(2026, 11, 22)));
        await mediator.Send(new IndexDialogs());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> SignedInAsync(string email) => fixture.App.SignedInAsync(email, PeriodsFixture.Password);

    /// <summary>
    /// "first-day dialogs bookings escalated" per period, counted from public.conversation_sessions_v2 in the salon's zone;
    /// <paramref name="unit"/> is date_trunc's (day, week, month), a period cut by the range starting at the range's first day.
    /// </summary>
    private Task<string> TruthAsync(Guid tenant, string zone, string from, string to, string unit) => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(concat_ws(' ', p, n, b, e), ', ' ORDER BY p), '') FROM (
          SELECT greatest(date_trunc('{unit}', started_at AT TIME ZONE '{zone}')::date, date '{from}') AS p,
                 count(*) AS n, count(booking_id) AS b, count(*) FILTER (WHERE final_status = 'escalated') AS e
          FROM public.conversation_sessions_v2
          WHERE tenant_id = '{tenant}' AND (started_at AT TIME ZONE '{zone}')::date BETWEEN date '{from}' AND date '{to}'
          GROUP BY 1) x
        """);

    private static string Figures(OverviewReport report) =>
        string.Join(", ", report.Periods.Where(p => p.Dialogs > 0).Select(p => $"{p.From:yyyy-MM-dd} {p.Dialogs} {p.Bookings} {p.Escalated}"));

    [Theory]
    [InlineData("2026-08-12", "2026-11-23", "week")]   // Wednesday to today (a Monday): both ends cut
    [InlineData("2026-06-15", "2026-11-23", "month")]
    [InlineData("2026-11-01", "2026-11-23", "day")]
    public async Task Each_period_holds_the_dialogs_of_its_days_and_the_csv_has_one_row_per_period(string from, string to, string group)
    {
        var report = await fixture.App.SendAs(fixture.AdminA, new GetOverview(From: from, To: to, Group: group));

        Assert.Equal(group, report.Grouping);
        var truth = await TruthAsync(fixture.SalonA, "Europe/Moscow", from, to, group);
        Assert.NotEmpty(truth);
        Assert.Equal(truth, Figures(report));
        Assert.Equal(report.Current.Dialogs, report.Periods.Sum(p => p.Dialogs));
        if (group != "day")
        {
            Assert.True(report.Periods[0].Partial && report.Periods[^1].Partial, "the range cuts its first and last period");
            Assert.All(report.Periods.Skip(1).SkipLast(1), p => Assert.False(p.Partial));
        }

        using var client = await SignedInAsync("admin-a@periods.local");
        var lines = (await client.GetStringAsync($"/?handler=export&from={from}&to={to}&group={group}")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The period's own columns first; the bot's value columns (OverviewTests checks them) follow.
        Assert.StartsWith("period_start;period_end;partial;dialogs;bookings;conversion_percent;revenue_rub;avg_response_ms;escalated;dropped;containment_percent;", lines[0]);
        Assert.Equal(report.Periods.Select(p => FormattableString.Invariant(
                $"{p.From:yyyy-MM-dd};{p.To:yyyy-MM-dd};{(p.Partial ? "yes" : "no")};{p.Dialogs};{p.Bookings};{p.Conversion:0.00};{p.Revenue:0.00};{p.AvgResponseMs:0};{p.Escalated};{p.Dropped};{p.Containment:0.00}")),
            lines[1..].Select(l => string.Join(';', l.Split(';').Take(11)))); // no totals row
    }

    [Fact]
    public async Task A_periods_rates_are_recomputed_from_its_summed_counts()
    {
        var report = await fixture.App.SendAs(fixture.AdminA, new GetOverview(From: "2026-07-01", To: "2026-10-31", Group: "month"));
        Assert.Equal(4, report.Periods.Count);
        foreach (var p in report.Periods)
        {
            Assert.Equal(Math.Round(p.Bookings * 100m / p.Dialogs, 2, MidpointRounding.AwayFromZero), p.Conversion);
            Assert.Equal(Math.Round((p.Dialogs - p.Escalated) * 100m / p.Dialogs, 2, MidpointRounding.AwayFromZero), p.Containment);
        }
    }

    [Theory]
    [InlineData("/?range=90d", "/?range=90d&amp;group=week")]
    [InlineData("/?range=30d", "/?range=30d&amp;group=day")]
    [InlineData("/?from=2026-01-01&to=2026-11-23", "/?from=2026-01-01&amp;to=2026-11-23&amp;group=month")]
    public async Task Without_a_grouping_the_ranges_length_chooses_and_the_address_shows_it(string url, string canonical)
    {
        using var client = await SignedInAsync("admin-a@periods.local");
        var html = await client.GetStringAsync(url);
        Assert.Contains($"data-canonical-url=\"{canonical}\"", html);

        var chosen = await client.GetStringAsync(WebUtility.HtmlDecode(canonical));
        Assert.Contains("data-canonical-url=\"\"", chosen); // already in the address
    }

    [Fact]
    public async Task The_landing_page_keeps_its_bare_address_and_shows_the_default_week_by_day()
    {
        using var client = await SignedInAsync("admin-a@periods.local");
        var html = await client.GetStringAsync("/");
        Assert.Contains("data-canonical-url=\"\"", html);
        Assert.Contains("Диалоги и записи по дням", html);
        Assert.Contains("href=\"/?range=7d&group=week\"", html); // the grouping switch names the range
    }

    [Fact]
    public async Task Weeks_show_their_days_and_the_cut_ones_are_marked_partial_in_russian_and_english()
    {
        using var client = await SignedInAsync("admin-a@periods.local");
        var html = await client.GetStringAsync("/?from=2026-11-04&to=2026-11-23&group=week");
        Assert.Contains("Диалоги и записи по неделям", html);
        Assert.Contains("<td>9 нояб. – 15 нояб. 2026</td>", html);
        Assert.Contains("<td>4 нояб. – 8 нояб. 2026 <span class=\"badge text-bg-light border ms-1\" data-testid=\"period-partial\">неполный</span>", html);
        Assert.Equal(2, html.Split("data-testid=\"period-partial\"").Length - 1); // the first and the last week
        Assert.Contains("data-period-from=\"2026-11-23\" data-period-to=\"2026-11-23\"", html);
        Assert.Contains("неполный период", html);

        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/");
        await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-US", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        var english = await client.GetStringAsync("/?from=2026-06-15&to=2026-11-23&group=month");
        Assert.Contains("Dialogs and bookings by month", english);
        Assert.Contains("October 2026", english);
        Assert.Contains(">partial</span>", english);
        Assert.Contains("Handled by the bot alone", english);
        Assert.Contains("When clients write", english);
    }

    [Theory]
    [InlineData("/?range=7d&group=year")]
    [InlineData("/?handler=export&range=7d&group=year")]
    [InlineData("/?range=7d&group=%27%3B--")]
    public async Task An_unknown_grouping_gets_a_400_with_a_russian_message(string url)
    {
        using var client = await SignedInAsync("admin-a@periods.local");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Неизвестная группировка", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Containment_is_the_share_of_dialogs_not_handed_to_a_human_on_the_overview_and_the_platform_page()
    {
        var truth = await fixture.Db.ScalarAsync<string>($"""
            SELECT count(*) || ' ' || count(*) FILTER (WHERE final_status <> 'escalated') FROM public.conversation_sessions_v2
            WHERE tenant_id = '{fixture.SalonA}' AND (started_at AT TIME ZONE 'Europe/Moscow')::date BETWEEN date '2026-09-01' AND date '2026-09-30'
            """);
        var (dialogs, alone) = (long.Parse(truth.Split(' ')[0]), long.Parse(truth.Split(' ')[1]));
        var expected = Math.Round(alone * 100m / dialogs, 1, MidpointRounding.AwayFromZero).ToString("0.0", new System.Globalization.CultureInfo("ru-RU"));

        using var admin = await SignedInAsync("admin-a@periods.local");
        var html = await admin.GetStringAsync("/?from=2026-09-01&to=2026-09-30&group=week");
        Assert.Contains($"data-testid=\"kpi-containment\">{expected}&#xA0;%</p>", html);

        using var root = await SignedInAsync("root@periods.local");
        var platform = await root.GetStringAsync("/platform?from=2026-09-01&to=2026-09-30&sort=containment");
        Assert.Contains($"data-testid=\"platform-containment\">{expected}&#xA0;%</td>", platform);
    }

    /// <summary>"weekday hour dialogs" cells counted from the bot's table in each salon's zone.</summary>
    private Task<string> HeatTruthAsync(string tenantsAndZones, string from, string to) => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(concat_ws(' ', d, h, n), ', ' ORDER BY d, h), '') FROM (
          SELECT extract(isodow FROM s.started_at AT TIME ZONE z.zone)::int AS d, extract(hour FROM s.started_at AT TIME ZONE z.zone)::int AS h, count(*) AS n
          FROM public.conversation_sessions_v2 s JOIN (VALUES {tenantsAndZones}) z(tenant, zone) ON z.tenant::uuid = s.tenant_id
          WHERE (s.started_at AT TIME ZONE z.zone)::date BETWEEN date '{from}' AND date '{to}'
          GROUP BY 1, 2) x
        """);

    /// <summary>The heatmap of the Overview's report, as <paramref name="user"/> gets it (the Overview's one request carries it).</summary>
    internal static async Task<DialogHeatmap> HeatmapAsync(AppFixture fixture, TestUser user, string? range = null, string? from = null, string? to = null) =>
        (await fixture.App.SendAs(user, new GetOverview(range, from, to))).Heatmap ?? throw new InvalidOperationException("The report has no heatmap.");

    private Task<DialogHeatmap> HeatmapAsync(TestUser user, string? from, string? to) => HeatmapAsync(fixture, user, null, from, to);

    internal static string Cells(DialogHeatmap heat) => string.Join(", ",
        from d in Enumerable.Range(0, 7) from h in Enumerable.Range(0, 24) where heat.Counts[d][h] > 0 select $"{d + 1} {h} {heat.Counts[d][h]}");

    [Fact]
    public async Task The_heatmap_counts_the_dialogs_by_weekday_and_hour_in_each_salons_own_zone_from_the_index_and_live()
    {
        // Both sides are in play: the older dialogs come from the index, the newer ones live.
        var indexed = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.dialog_facts");
        var all = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM public.conversation_sessions_v2");
        Assert.InRange(indexed, 1, all - 1);

        // Salon B first, so salon A's answer is read with B's entries warm.
        var b = await HeatmapAsync(fixture.AdminB, "2026-06-01", "2026-11-23");
        var overview = await fixture.App.SendAs(fixture.AdminA, new GetOverview(From: "2026-06-01", To: "2026-11-23"));
        var a = overview.Heatmap!;
        var both = await HeatmapAsync(fixture.SuperAdmin, "2026-06-01", "2026-11-23");

        Assert.Equal(await HeatTruthAsync($"('{fixture.SalonA}', 'Europe/Moscow')", "2026-06-01", "2026-11-23"), Cells(a));
        Assert.Equal(await HeatTruthAsync($"('{fixture.SalonB}', 'Asia/Vladivostok')", "2026-06-01", "2026-11-23"), Cells(b));
        // All salons: each salon's dialogs at its own hours (the default zone is Moscow; B's days are Vladivostok's).
        Assert.Equal(await HeatTruthAsync($"('{fixture.SalonA}', 'Europe/Moscow'), ('{fixture.SalonB}', 'Asia/Vladivostok')", "2026-06-01", "2026-11-23"), Cells(both));

        // The same dialogs as the Overview's figures, over the same period.
        Assert.Equal(overview.Current.Dialogs, a.Total);
        Assert.Equal(overview.Period, a.Period);
    }

    [Fact]
    public async Task The_heatmap_on_the_page_is_a_table_whose_total_is_the_dialogs_figure()
    {
        using (var other = await SignedInAsync("admin-b@periods.local"))
            await other.GetStringAsync("/?range=30d&group=day");
        using var client = await SignedInAsync("admin-a@periods.local");
        var html = await client.GetStringAsync("/?range=30d&group=day");
        var report = await fixture.App.SendAs(fixture.AdminA, new GetOverview("30d"));
        var heat = report.Heatmap!;

        Assert.Contains("Когда пишут клиенты", html);
        Assert.Contains($"data-testid=\"heatmap-total\">{report.Current.Dialogs}</td>", html);
        Assert.Contains($"data-cell=\"1-0\" title=\"Пн 0:00–1:00: {heat.Counts[0][0]}\"", html);
        Assert.Contains("по времени салона (Москва (UTC&#x2B;3))", html); // the zone as people say it, not its id
    }

    private Task<long> TodayTruthAsync(Guid tenant, string zone) => fixture.Db.ScalarAsync<long>($"""
        SELECT count(*) FROM public.conversation_sessions_v2
        WHERE tenant_id = '{tenant}' AND (started_at AT TIME ZONE '{zone}')::date = date '2026-11-23'
        """);

    [Fact]
    public async Task Todays_fragment_answers_the_salons_own_figures_of_today()
    {
        using (var other = await SignedInAsync("admin-b@periods.local"))
            Assert.Contains($"data-testid=\"today-dialogs\">{await TodayTruthAsync(fixture.SalonB, "Asia/Vladivostok")}</strong>",
                await other.GetStringAsync("/?handler=today"));

        using var client = await SignedInAsync("admin-a@periods.local");
        var response = await client.GetAsync("/?handler=today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", fragment); // the fragment alone, nothing else to reload
        var dialogs = await TodayTruthAsync(fixture.SalonA, "Europe/Moscow");
        Assert.InRange(dialogs, 1, 10);
        Assert.Contains($"data-testid=\"today-dialogs\">{dialogs}</strong>", fragment);
        Assert.Contains("hx-get=\"/?handler=today\"", fragment);
    }

    [Theory]
    [InlineData("/?range=7d&group=day", true)]
    [InlineData("/?range=today&group=day", true)]
    [InlineData("/?from=2026-11-01&to=2026-11-22&group=week", false)]
    [InlineData("/?range=last_month&group=day", false)]
    public async Task The_page_polls_todays_figures_only_while_its_range_includes_today(string url, bool polls)
    {
        using var client = await SignedInAsync("admin-a@periods.local");
        var html = await client.GetStringAsync(url);
        Assert.Equal(polls, html.Contains("hx-get=\"/?handler=today\""));
        Assert.Equal(polls, html.Contains("htmx.min.js"));
    }
}

/// <summary>The heatmap and today's figures against a warm cache (salons in three zones, the cache on, as production runs).</summary>
public sealed class OverviewFiguresIsolationTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Salon_As_heatmap_and_todays_figures_after_salons_B_and_C_are_salon_As_each_salon_in_its_own_zone()
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();

        // A (Moscow): today 03:30, 10:00 and 11:00 (a Monday), yesterday 23:59 (a Sunday).
        Assert.Equal("1 3 1, 1 10 1, 1 11 1, 7 23 1", OverviewPeriodsTests.Cells(await OverviewPeriodsTests.HeatmapAsync(fixture, fixture.AdminA, "7d")));
        // B (Vladivostok): 18:10–18:50. C (Los Angeles): 00:40 and 00:50, and 23:00 the evening before.
        Assert.Equal("1 18 5", OverviewPeriodsTests.Cells(await OverviewPeriodsTests.HeatmapAsync(fixture, fixture.AdminB, "7d")));
        Assert.Equal("1 0 2, 7 23 1", OverviewPeriodsTests.Cells(await OverviewPeriodsTests.HeatmapAsync(fixture, fixture.AdminC, "7d")));
        // All salons: each salon's dialogs at its own hours.
        Assert.Equal("1 0 2, 1 3 1, 1 10 1, 1 11 1, 1 18 5, 7 23 2",
            OverviewPeriodsTests.Cells(await OverviewPeriodsTests.HeatmapAsync(fixture, fixture.SuperAdmin, "7d")));

        using var a = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var today = await a.GetStringAsync("/?handler=today");
        Assert.Contains("data-testid=\"today-dialogs\">3</strong>", today);
        Assert.Contains("data-testid=\"today-bookings\">2</strong>", today);
        using var b = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        Assert.Contains("data-testid=\"today-dialogs\">5</strong>", await b.GetStringAsync("/?handler=today"));
    }

    [Fact]
    public async Task Another_salons_admin_exports_only_their_own_periods()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics());
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var a = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var lines = (await a.GetStringAsync("/?handler=export&range=7d&group=week")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Tuesday 17 to Sunday 22 Nov (the week began on Monday 16), then today, a Monday: both weeks cut by the range.
        Assert.Equal(["2026-11-17;2026-11-22;yes;1;0;", "2026-11-23;2026-11-23;yes;3;2;"], lines[1..].Select(l => string.Join(";", l.Split(';')[..5]) + ";"));
    }
}
