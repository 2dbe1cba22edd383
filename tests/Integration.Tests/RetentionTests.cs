using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentP.Application.Dialogs;
using AgentP.Application.Retention;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// A Moscow salon's clients (clock 2026-11-23): Dina's first dialog is on 31 May at 23:30 Moscow (20:30 UTC, still May),
/// Anna's on 10 June (back in July with a booking, and in September), Boris's on 20 June (back in August), Vera's on
/// 3 July, once more on 20 July (that dialog above the dialog index's mark, read live). Another salon's client, also new
/// in June, must count nowhere.
/// <para>Two salons in other zones, for the all-salons view (issue 16): in Vladivostok (UTC+10) Эрик and Эльза write first on
/// 30 June at 20:30 UTC — 1 July there, though still June in Moscow; in Los Angeles (UTC−7 in summer) Уолт writes first on
/// 1 July at 03:00 UTC — 30 June there, already July in Moscow (above the mark, live). Эрик and Уолт are due for a visit
/// on 23 November (a last visit on the 13th, every 10 days).</para>
/// </summary>
public class RetentionFixture : AppFixture
{
    public const string Password = "Retention-pass-2026";
    public Guid Salon { get; private set; }
    public Guid Anna { get; private set; }
    public Guid East { get; private set; }
    public Guid West { get; private set; }

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон «Удержание»");
        var other = await Db.Bot.TenantAsync("Салон «Чужой»");
        static DateTimeOffset Utc(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);
        var dina = await Db.Bot.ClientAsync(Salon, "Дина", null);
        await Db.Bot.SessionAsync(Salon, dina, new DateTimeOffset(2026, 5, 31, 20, 30, 0, TimeSpan.Zero));
        await Db.Bot.SessionAsync(Salon, dina, Utc(6, 2));
        Anna = await Db.Bot.ClientAsync(Salon, "Анна", null);
        await Db.Bot.SessionAsync(Salon, Anna, Utc(6, 10));
        await Db.Bot.SessionAsync(Salon, Anna, Utc(7, 5), bookingId: "YC-1", amount: 2000);
        await Db.Bot.SessionAsync(Salon, Anna, Utc(9, 1));
        var boris = await Db.Bot.ClientAsync(Salon, "Борис", null);
        await Db.Bot.SessionAsync(Salon, boris, Utc(6, 20));
        await Db.Bot.SessionAsync(Salon, boris, Utc(8, 15), status: "dropped");
        var vera = await Db.Bot.ClientAsync(Salon, "Вера", null);
        await Db.Bot.SessionAsync(Salon, vera, Utc(7, 3));
        var galina = await Db.Bot.ClientAsync(Salon, "Галина", null);
        await Db.Bot.SessionAsync(Salon, galina, Utc(4, 14)); // before the range: an old client
        var foreign = await Db.Bot.ClientAsync(other, "Чужая Клиентка", null);
        await Db.Bot.SessionAsync(other, foreign, Utc(6, 11));
        await Db.Bot.SessionAsync(other, foreign, Utc(7, 11), bookingId: "YC-2");
        East = await Db.Bot.TenantAsync("Салон «Восток»");
        West = await Db.Bot.TenantAsync("Салон «Запад»");
        await ZoneAsync(East, "Asia/Vladivostok");
        await ZoneAsync(West, "America/Los_Angeles");
        const string dueOn23November = """{"last_visit_date": "2026-11-13", "avg_visit_interval": 10}""";
        var erik = await Db.Bot.ClientAsync(East, "Эрик", null);
        await Db.Bot.MemoryAsync(East, erik, dueOn23November);
        await Db.Bot.SessionAsync(East, erik, new DateTimeOffset(2026, 6, 30, 20, 30, 0, TimeSpan.Zero)); // 1 July 06:30 there
        var elsa = await Db.Bot.ClientAsync(East, "Эльза", null);
        await Db.Bot.SessionAsync(East, elsa, new DateTimeOffset(2026, 6, 30, 20, 30, 0, TimeSpan.Zero));
        var walt = await Db.Bot.ClientAsync(West, "Уолт", null);
        await Db.Bot.MemoryAsync(West, walt, dueOn23November);
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync(); // the bot's write above, not the dashboard's
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
        await Db.Bot.SessionAsync(Salon, vera, Utc(7, 20)); // young: above the mark, live
        await Db.Bot.SessionAsync(Salon, galina, Utc(8, 3)); // the old client writes again, live: back, not new
        await Db.Bot.SessionAsync(West, walt, new DateTimeOffset(2026, 7, 1, 3, 0, 0, TimeSpan.Zero)); // 30 June 20:00 there; live
        await App.CreateUserAsync("admin@retention.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("staff@retention.local", Password, Role.Staff, Salon);
        await App.CreateUserAsync("admin@other-retention.local", Password, Role.Admin, other);
        await App.CreateUserAsync("admin@east-retention.local", Password, Role.Admin, East);
        await App.CreateUserAsync("admin@west-retention.local", Password, Role.Admin, West);
        await App.CreateUserAsync("root@retention.local", Password, Role.SuperAdmin, null);
    }

    private Task ZoneAsync(Guid salon, string zone) => Db.ExecuteAsync($"""
        INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
        VALUES ('{salon}', '{zone}', 15, 50, 20, 5, true, now())
        """);
}

public sealed partial class RetentionTests(RetentionFixture fixture) : IClassFixture<RetentionFixture>
{
    private const string Range = "/retention?from=2026-06-01&to=2026-11-23";

    [Fact]
    public async Task New_and_returning_clients_per_month_are_those_of_the_dialogs_behind_them()
    {
        using var client = await fixture.App.SignedInAsync("staff@retention.local", RetentionFixture.Password);
        var html = await client.GetStringAsync(Range);
        // June: Anna and Boris new, Dina back (first in May, Moscow time); July: Vera new, Anna back; August Boris and Galina
        // (first in April, her August dialog not indexed yet); September Anna.
        Assert.Equal(["2026-06-01 2 1", "2026-07-01 1 1", "2026-08-01 0 2", "2026-09-01 0 1", "2026-10-01 0 0", "2026-11-01 0 0"], Periods(html));
    }

    [Fact]
    public async Task Weeks_split_the_same_dialogs_by_monday()
    {
        using var client = await fixture.App.SignedInAsync("admin@retention.local", RetentionFixture.Password);
        var html = await client.GetStringAsync("/retention?from=2026-06-01&to=2026-06-30&group=week");
        // 1 June is a Monday: Dina on the 2nd (back), Anna on the 10th, Boris on the 20th.
        Assert.Equal(["2026-06-01 0 1", "2026-06-08 1 0", "2026-06-15 1 0", "2026-06-22 0 0", "2026-06-29 0 0"], Periods(html));
    }

    [Fact]
    public async Task Cohorts_count_the_later_months_with_a_dialog_and_with_a_booking()
    {
        var report = await fixture.App.SendAs(await AdminAsync(), new GetRetention("2026-06-01", "2026-11-23"));
        var june = report.Cohorts.Single(c => c.Month == new DateOnly(2026, 6, 1));
        Assert.Equal(2, june.Clients); // Anna and Boris
        Assert.Equal([(1, 1), (1, 0), (1, 0), (0, 0), (0, 0)], june.Later.Take(5).Select(c => (c!.WithDialog, c.WithBooking)));
        Assert.Null(june.Later[5]); // December has not begun
        var july = report.Cohorts.Single(c => c.Month == new DateOnly(2026, 7, 1));
        Assert.Equal(1, july.Clients); // Vera (her second dialog, live, is in July itself)
        Assert.All(july.Later.OfType<RetentionCell>(), c => Assert.Equal((0, 0), (c.WithDialog, c.WithBooking)));
        Assert.Equal(0, report.Cohorts.Single(c => c.Month == new DateOnly(2026, 8, 1)).Clients); // Galina came back, she is no cohort's
        Assert.Equal(6, report.Cohorts.Count);
    }

    [Fact]
    public async Task Every_cell_links_to_the_clients_it_counts()
    {
        using var client = await fixture.App.SignedInAsync("admin@retention.local", RetentionFixture.Password);
        var html = await client.GetStringAsync(Range);
        var links = CellLink().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Count: int.Parse(m.Groups["n"].Value))).ToList();
        Assert.True(links.Count >= 18 + 6 + 6 * 2, $"{links.Count} links");
        foreach (var (href, count) in links)
        {
            var list = await client.GetStringAsync(href);
            Assert.True(count == ClientsTestsBase.ClientLink().Matches(list).Count, $"{href}: {count}");
        }
        var july = links.Single(l => l.Href.Contains("first_from=2026-06-01") && l.Href.Contains("active_from=2026-07-01") && l.Href.Contains("kind=booking"));
        Assert.Equal(1, july.Count);
        Assert.Contains(">Анна<", await client.GetStringAsync(july.Href));
    }

    [Fact]
    public async Task The_csv_holds_the_pages_figures()
    {
        using var client = await fixture.App.SignedInAsync("admin@retention.local", RetentionFixture.Password);
        var bytes = await client.GetByteArrayAsync(Range.Replace("?", "?handler=export&"));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table;start;end;clients;new;returning;month_offset;with_dialog;with_booking", lines[0]);
        var periods = lines.Where(l => l.StartsWith("period;", StringComparison.Ordinal)).Select(l => l.Split(';')).Select(f => $"{f[1]} {f[4]} {f[5]}");
        Assert.Equal(Periods(await client.GetStringAsync(Range)), periods);
        Assert.Contains("cohort;2026-06-01;2026-06-30;2;;;1;1;1", lines);
        Assert.Contains("cohort;2026-06-01;2026-06-30;2;;;2;1;0", lines);
        Assert.Equal(1, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = 'retention'"));
    }

    [Fact]
    public async Task Another_salon_sees_only_its_own_client_even_with_this_salons_figures_cached()
    {
        using (var mine = await fixture.App.SignedInAsync("admin@retention.local", RetentionFixture.Password))
            await mine.GetStringAsync(Range); // warm
        using var other = await fixture.App.SignedInAsync("admin@other-retention.local", RetentionFixture.Password);
        var html = await other.GetStringAsync(Range);
        Assert.Equal(["2026-06-01 1 0", "2026-07-01 0 1", "2026-08-01 0 0", "2026-09-01 0 0", "2026-10-01 0 0", "2026-11-01 0 0"], Periods(html));
        var list = await other.GetStringAsync("/clients?first_from=2026-06-01&first_to=2026-06-30");
        Assert.Single(ClientsTestsBase.ClientLink().Matches(list));
        Assert.DoesNotContain("Анна", list);
    }

    [Fact]
    public async Task The_page_speaks_russian_and_english_and_refuses_a_bad_range_with_a_400()
    {
        using var client = await fixture.App.SignedInAsync("admin@retention.local", RetentionFixture.Password);
        Assert.Contains("Когорты по месяцу первого диалога", await client.GetStringAsync(Range));
        var bad = await client.GetAsync("/retention?from=2026-06-01&to=2026-05-01&group=year");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Неизвестная группировка", body);
        Assert.Contains("раньше даты", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/clients?active_from=2026-06-01")).StatusCode);

        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/retention");
        await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-US", ["returnUrl"] = "/retention", ["__RequestVerificationToken"] = token,
        }));
        var english = await client.GetStringAsync(Range);
        Assert.Contains("Cohorts by month of the first dialog", english);
        Assert.Contains(">Retention<", english);
        Assert.DoesNotContain("Когорт", english);
    }

    [Theory]
    [InlineData("admin@east-retention.local", "2026-06-01 0 0", "2026-07-01 2 0", 0, 2)] // Эрик and Эльза: 1 July in Vladivostok
    [InlineData("admin@west-retention.local", "2026-06-01 1 0", "2026-07-01 0 0", 1, 0)] // Уолт: 30 June in Los Angeles
    public async Task A_salon_in_another_zone_counts_its_first_dialogs_in_its_own_month(string admin, string june, string july, int juneCohort, int julyCohort)
    {
        using var client = await fixture.App.SignedInAsync(admin, RetentionFixture.Password);
        var html = await client.GetStringAsync(Range);
        Assert.Equal([june, july], Periods(html).Take(2));
        var cohorts = CohortSizes(html);
        Assert.Equal((juneCohort, julyCohort), (cohorts["2026-06"], cohorts["2026-07"]));
        await AssertEveryCellMatchesItsClientsAsync(client, html);
    }

    [Fact]
    public async Task The_all_salons_view_counts_each_salon_in_its_own_zone()
    {
        using var client = await fixture.App.SignedInAsync("root@retention.local", RetentionFixture.Password);
        var html = await client.GetStringAsync(Range);
        // This salon's, plus the other salon's client (new in June, back in July), Уолт new in June (his own 30 June),
        // Эрик and Эльза new in July (their own 1 July).
        Assert.Equal(["2026-06-01 4 1", "2026-07-01 3 2", "2026-08-01 0 2", "2026-09-01 0 1", "2026-10-01 0 0", "2026-11-01 0 0"], Periods(html));
        var cohorts = CohortSizes(html);
        Assert.Equal((4, 3), (cohorts["2026-06"], cohorts["2026-07"]));
        var july = await client.GetStringAsync("/clients?first_from=2026-07-01&first_to=2026-07-31");
        Assert.Equal(["Вера", "Эльза", "Эрик"], ClientsTestsBase.ClientLink().Matches(july).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Order());
        var june = await client.GetStringAsync("/clients?first_from=2026-06-01&first_to=2026-06-30");
        Assert.Contains(">Уолт<", june);
        Assert.DoesNotContain(">Эрик<", june);
        await AssertEveryCellMatchesItsClientsAsync(client, html);

        var report = await fixture.App.SendAs(await UserAsync("root@retention.local"), new GetRetention("2026-06-29", "2026-07-02", "day"));
        // By day: Уолт on his own 30 June, Эрик and Эльза on their own 1 July.
        Assert.Equal([(0, 0), (1, 0), (2, 0), (0, 0)], report.Periods.Select(p => (p.New, p.Returning)));
    }

    private static async Task AssertEveryCellMatchesItsClientsAsync(HttpClient client, string html)
    {
        var links = CellLink().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Count: int.Parse(m.Groups["n"].Value))).ToList();
        Assert.NotEmpty(links);
        foreach (var (href, count) in links)
        {
            var list = await client.GetStringAsync(href);
            Assert.True(count == ClientsTestsBase.ClientLink().Matches(list).Count, $"{href}: {count}");
        }
    }

    /// <summary>The cohorts' sizes by month (yyyy-MM).</summary>
    private static Dictionary<string, int> CohortSizes(string html) =>
        CohortRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));

    private async Task<TestUser> UserAsync(string email) =>
        new(await fixture.Db.ScalarAsync<long>($"SELECT id FROM dashboard.users WHERE email = '{email}'"), Role.SuperAdmin, null);

    private async Task<TestUser> AdminAsync() =>
        new(await fixture.Db.ScalarAsync<long>("SELECT id FROM dashboard.users WHERE email = 'admin@retention.local'"), Role.Admin, fixture.Salon);

    /// <summary>"start new returning" per row of the periods table.</summary>
    private static List<string> Periods(string html) =>
        PeriodRow().Matches(html).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}").ToList();

    [GeneratedRegex("data-month=\"([0-9-]+)\">.*?data-testid=\"cohort-size\">(\\d+)</a>", RegexOptions.Singleline)]
    private static partial Regex CohortRow();

    [GeneratedRegex("data-start=\"([0-9-]+)\">.*?data-testid=\"new\">(\\d+)</a>.*?data-testid=\"returning\">(\\d+)</a>", RegexOptions.Singleline)]
    private static partial Regex PeriodRow();

    // A cell's link and the clients it counts: the number shown, or for a share the count in its title.
    [GeneratedRegex("<a href=\"(?<href>/clients\\?[^\"]+)\" data-testid=\"(?:new|returning|total|cohort-size)\">(?<n>\\d+)</a>|<a href=\"(?<href>/clients\\?[^\"]+)\" data-testid=\"with-(?:dialog|booking)\" title=\"[^:]+: (?<n>\\d+)\"")]
    private static partial Regex CellLink();
}

/// <summary>The retention salons with a clock of their own, moved forward through the evening of 23 November.</summary>
public sealed class ZonedDueFixture : RetentionFixture;

/// <summary>Who is due for a visit, in the all-salons view, is each salon's own today (issue 16).</summary>
public sealed class ZonedDueTests(ZonedDueFixture fixture) : IClassFixture<ZonedDueFixture>
{
    [Fact]
    public async Task Due_for_a_visit_is_each_salons_own_today_in_the_all_salons_view()
    {
        var clock = fixture.App.Clock; // this class's own app: the clock only goes forward
        // 15:00 UTC: already the 24th in Vladivostok (Эрик overdue by a day), still the 23rd in Moscow and Los Angeles.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        using var client = await fixture.App.SignedInAsync("root@retention.local", RetentionFixture.Password);
        var due = await client.GetStringAsync("/clients?due=1");
        Assert.Equal(["Эрик"], ClientsTestsBase.ClientLink().Matches(due).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("просрочено на 1 дн.", due);
        Assert.Contains("Пора на визит: 1", due);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/clients?handler=export&due=1"));
        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        // 22:00 UTC: the 24th in Moscow, but Уолт's Los Angeles is still on the 23rd: not due yet.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));
        using var later = await fixture.App.SignedInAsync("root@retention.local", RetentionFixture.Password);
        due = await later.GetStringAsync("/clients?due=1");
        Assert.Equal(["Эрик"], ClientsTestsBase.ClientLink().Matches(due).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains("Пора на визит: 1", due);
    }
}
