using System.Net;
using System.Text.RegularExpressions;
using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>A salon connected to YClients, one with a company id but no token, the platform's partner token set.</summary>
public sealed class YclientsStateFixture : AppFixture
{
    public const string Password = "Yclients-state-2026";
    public Guid Connected { get; private set; }
    public Guid WithoutToken { get; private set; }

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Yclients:ApiBaseUrl"] = "http://127.0.0.1:9", ["Yclients:PartnerToken"] = "PARTNER-SECRET",
        });

    protected override async Task SeedAsync()
    {
        Connected = await Db.Bot.TenantAsync("Салон с YClients", """{"yclients_company_id": "512001", "yclients_token": "user-token"}""");
        WithoutToken = await Db.Bot.TenantAsync("Салон без токена", """{"yclients_company_id": "512002"}""");
        await App.CreateUserAsync("admin@connected.local", Password, Role.Admin, Connected);
        await App.CreateUserAsync("admin@without-token.local", Password, Role.Admin, WithoutToken);
    }
}

/// <summary>One rule decides whether a salon is connected to YClients; Settings and the Overview both ask it.</summary>
public sealed partial class YclientsStateTests(YclientsStateFixture fixture) : IClassFixture<YclientsStateFixture>
{
    [Theory]
    [InlineData("admin@connected.local", true)]
    [InlineData("admin@without-token.local", false)]
    public async Task Settings_and_the_overview_of_a_salon_agree_whether_it_is_connected(string email, bool connected)
    {
        // The other salon's pages first: its answers are in the cache when this salon asks.
        using (var other = await fixture.App.SignedInAsync(email == "admin@connected.local" ? "admin@without-token.local" : "admin@connected.local",
                   YclientsStateFixture.Password))
        {
            await other.GetStringAsync("/");
            await other.GetStringAsync("/settings");
        }
        using var client = await fixture.App.SignedInAsync(email, YclientsStateFixture.Password);
        var settings = SettingsState().Match(await client.GetStringAsync("/settings")).Groups[1].Value.Trim();
        var overviewSaysNotConnected = (await client.GetStringAsync("/")).Contains("data-testid=\"yclients-not-connected\"");

        Assert.Equal(connected, settings == "подключён");
        Assert.Equal(connected, !settings.StartsWith("не подключён", StringComparison.Ordinal));
        Assert.Equal(connected, !overviewSaysNotConnected);
    }

    [Fact]
    public async Task Settings_says_what_is_missing()
    {
        using var client = await fixture.App.SignedInAsync("admin@without-token.local", YclientsStateFixture.Password);
        Assert.Contains("нет токена салона", SettingsState().Match(await client.GetStringAsync("/settings")).Groups[1].Value);
    }

    [GeneratedRegex("data-testid=\"settings-yclients\">([^<]*)<")] private static partial Regex SettingsState();
}

/// <summary>
/// Every date on the pages is in the salon's zone and one format. Salon B counts Vladivostok's time (UTC+10): the fixture's
/// sign-ins at 09:00 UTC are 19:00 there; for all salons the platform's default zone (Moscow, 12:00) applies.
/// </summary>
public sealed partial class DatesInTheSalonsZoneTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Users_shows_the_last_sign_in_in_the_salons_zone_not_in_UTC()
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        var html = await client.GetStringAsync("/users");
        var shown = LastLogin().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
        Assert.Contains("23 нояб. 2026, 19:00", shown);
        Assert.DoesNotContain(shown, s => s.Contains("UTC") || s.Contains("09:00"));
        Assert.Contains("Владивосток (UTC+10)", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task The_audit_log_and_users_show_the_same_sign_in_at_the_same_local_time()
    {
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        var audit = WebUtility.HtmlDecode(await client.GetStringAsync("/audit?action=login"));
        var users = WebUtility.HtmlDecode(await client.GetStringAsync("/users"));
        Assert.Contains("23 нояб. 2026, 19:00", audit);
        Assert.Contains("23 нояб. 2026, 19:00", users);
    }

    [Fact]
    public async Task For_all_salons_the_platform_owner_sees_the_default_zone_on_users_as_everywhere()
    {
        using var client = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/users"));
        Assert.Contains("Москва (UTC+3)", html);
        Assert.Contains("23 нояб. 2026, 12:00", LastLogin().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        Assert.Contains("Москва (UTC+3)", WebUtility.HtmlDecode(await client.GetStringAsync("/")));
    }

    [Fact]
    public async Task The_overview_header_names_the_zone_as_people_say_it()
    {
        using var client = await fixture.App.SignedInAsync("admin-c@test.local", SalonsFixture.Password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("Лос-Анджелес (UTC−8)", html);
        Assert.DoesNotContain("America/Los_Angeles", html);
    }

    [GeneratedRegex("data-testid=\"user-last-login\">([^<]*)<")] private static partial Regex LastLogin();
}

/// <summary>Two salons each with a master called Ирина, booked today; a super_admin and each salon's admin.</summary>
public sealed class SameNamesFixture : AppFixture
{
    public const string Password = "Same-names-2026";
    public Guid First { get; private set; }
    public Guid Second { get; private set; }

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow();
        First = await Db.Bot.TenantAsync("Салон «Первый»");
        Second = await Db.Bot.TenantAsync("Салон «Второй»");
        const string meta = """{"services_mentioned": ["маникюр"], "staff_name": "Ирина"}""";
        var a = await Db.Bot.ClientAsync(First);
        var b = await Db.Bot.ClientAsync(Second);
        for (var i = 0; i < 3; i++) await Db.Bot.SessionAsync(First, a, now.AddMinutes(-20 - i), bookingId: $"YC-A{i}", amount: 1000, metaJson: meta);
        for (var i = 0; i < 2; i++) await Db.Bot.SessionAsync(Second, b, now.AddMinutes(-40 - i), bookingId: $"YC-B{i}", amount: 2000, metaJson: meta);
        await App.CreateUserAsync("root@same.local", Password, Role.SuperAdmin, null);
        await App.CreateUserAsync("admin@first.local", Password, Role.Admin, First);
    }
}

/// <summary>Staff and services belong to their salon: the all-salons Overview ranks them per salon and names it.</summary>
public sealed partial class TopListsPerSalonTests(SameNamesFixture fixture) : IClassFixture<SameNamesFixture>
{
    [Fact]
    public async Task In_the_all_salons_view_Irina_of_one_salon_is_not_Irina_of_another()
    {
        using var client = await fixture.App.SignedInAsync("root@same.local", SameNamesFixture.Password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/?range=today"));
        var staff = StaffTable().Match(html).Value;
        Assert.Contains("Салон «Первый»", staff);
        Assert.Contains("Салон «Второй»", staff);
        Assert.Equal(2, Regex.Matches(staff, "Ирина").Count);
        Assert.Equal(2, Regex.Matches(StaffRow().Replace(staff, "|"), @"\|").Count); // two rows, not one of 5 bookings
        Assert.DoesNotContain(">5<", staff);
    }

    [Fact]
    public async Task A_salon_admin_after_the_owner_sees_its_own_Irina_without_salon_names()
    {
        using (var owner = await fixture.App.SignedInAsync("root@same.local", SameNamesFixture.Password))
            await owner.GetStringAsync("/?range=today"); // the all-salons lists are in the cache
        using var client = await fixture.App.SignedInAsync("admin@first.local", SameNamesFixture.Password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/?range=today"));
        var staff = StaffTable().Match(html).Value;
        Assert.Contains("Ирина", staff);
        Assert.DoesNotContain("data-testid=\"top-salon\"", html);
        Assert.DoesNotContain("Салон «Второй»", html);
    }

    [GeneratedRegex("data-testid=\"table-staff\"[\\s\\S]*?</table>")] private static partial Regex StaffTable();
    [GeneratedRegex("<tr><td>")] private static partial Regex StaffRow();
}
