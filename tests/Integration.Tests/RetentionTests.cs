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
/// </summary>
public class RetentionFixture : AppFixture
{
    public const string Password = "Retention-pass-2026";
    public Guid Salon { get; private set; }
    public Guid Anna { get; private set; }

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
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync(); // the bot's write above, not the dashboard's
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
        await Db.Bot.SessionAsync(Salon, vera, Utc(7, 20)); // young: above the mark, live
        await Db.Bot.SessionAsync(Salon, galina, Utc(8, 3)); // the old client writes again, live: back, not new
        await App.CreateUserAsync("admin@retention.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("staff@retention.local", Password, Role.Staff, Salon);
        await App.CreateUserAsync("admin@other-retention.local", Password, Role.Admin, other);
    }
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
        Assert.Equal(1, ClientsTestsBase.ClientLink().Matches(list).Count);
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

    private async Task<TestUser> AdminAsync() =>
        new(await fixture.Db.ScalarAsync<long>("SELECT id FROM dashboard.users WHERE email = 'admin@retention.local'"), Role.Admin, fixture.Salon);

    /// <summary>"start new returning" per row of the periods table.</summary>
    private static List<string> Periods(string html) =>
        PeriodRow().Matches(html).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}").ToList();

    [GeneratedRegex("data-start=\"([0-9-]+)\">.*?data-testid=\"new\">(\\d+)</a>.*?data-testid=\"returning\">(\\d+)</a>", RegexOptions.Singleline)]
    private static partial Regex PeriodRow();

    // A cell's link and the clients it counts: the number shown, or for a share the count in its title.
    [GeneratedRegex("<a href=\"(?<href>/clients\\?[^\"]+)\" data-testid=\"(?:new|returning|total|cohort-size)\">(?<n>\\d+)</a>|<a href=\"(?<href>/clients\\?[^\"]+)\" data-testid=\"with-(?:dialog|booking)\" title=\"[^:]+: (?<n>\\d+)\"")]
    private static partial Regex CellLink();
}
