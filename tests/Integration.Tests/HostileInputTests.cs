using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// Every GET route and query parameter with a catalogue of hostile values, as each role: never a 5xx, never another
/// salon's data, and public stays untouched (the fixture's checksum on dispose).
/// </summary>
public sealed class HostileInputTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    public static readonly string[] Values =
    [
        "'; DROP TABLE public.tenants_v2; --", "%", "_", "%_%", "\\", new string('я', 5000), "\0", "a\0b", "\u202Eevil", "😀💅",
        "-1", "0", "99999999999999999999", "-9223372036854775808", "1e309", "NaN", "2026-02-30", "0001-01-01", "9999-12-31",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "null", "true", "{\"a\":1}", " ", "\r\n",
        "all¿'\"(", "\u0001", "\ud800", // what a crawling scanner sends: a character a header cannot carry, quotes, control characters
    ];

    private static readonly (string Path, string[] Parameters)[] Routes =
    [
        ("/", ["range", "from", "to", "group"]),
        ("/?handler=export", ["range", "from", "to", "group"]),
        ("/platform", ["range", "from", "to", "sort", "dir"]),
        ("/sessions", ["from", "to", "status", "channel", "booked", "intent", "sentiment", "stage", "q", "service", "staff", "escalated", "attended", "salon", "after", "before"]),
        ("/sessions?from=2026-11-01&to=2026-11-23", ["stage", "service", "staff", "escalated", "attended", "salon"]), // counted
        ("/sessions/export", ["from", "to", "status", "channel", "booked", "intent", "sentiment", "stage", "q", "service", "staff", "escalated", "attended", "salon"]),
        ("/wishlist", ["status", "type", "staff", "age", "after"]),
        ("/wishlist?handler=export", ["status", "type", "staff", "age"]),
        ("/clients", ["q", "due", "after", "first_from", "first_to", "active_from", "active_to", "kind"]),
        ("/clients?handler=export", ["q", "due", "first_from", "first_to", "active_from", "active_to", "kind"]),
        ("/retention", ["from", "to", "group"]),
        ("/retention?handler=export", ["from", "to", "group"]),
        ("/alerts", ["state", "kind", "severity", "from", "to"]),
        ("/alerts?handler=export", ["state", "kind", "severity", "from", "to"]),
        ("/escalations", ["state"]),
        ("/escalations?handler=export", ["state"]),
        ("/users?handler=export", ["tenantid"]),
        ("/platform?handler=export", ["range", "from", "to", "sort", "dir"]),
        ("/audit", ["action", "from", "to", "before", "useremail"]),
        ("/audit?handler=export", ["action", "useremail"]),
        ("/login", ["ReturnUrl"]),
        ("/account/reset", ["token"]),
    ];

    public static IEnumerable<object[]> Users() => [["root@test.local"], ["admin-a@test.local"], ["staff-a@test.local"]];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task No_route_answers_5xx_or_leaks_another_salon_whatever_the_query_string(string email)
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = await fixture.App.SignedInAsync(email, SalonsFixture.Password);
        var failures = new List<string>();
        foreach (var (path, parameters) in Routes)
        foreach (var parameter in parameters)
        foreach (var value in Values)
        {
            var url = path + (path.Contains('?') ? "&" : "?") + parameter + "=" + Uri.EscapeDataString(value);
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 120)]}");
            if (email != "root@test.local" && (body.Contains("Студия «Бета»") || body.Contains("Салон «Гамма»")))
                failures.Add($"leak {url[..Math.Min(url.Length, 120)]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/sessions/abc")]
    [InlineData("/sessions/-1")]
    [InlineData("/sessions/99999999999999999999")]
    [InlineData("/clients/abc")]
    [InlineData("/clients/00000000-0000-0000-0000-000000000000")]
    [InlineData("/status/999")]
    [InlineData("/status/-5")]
    public async Task Odd_ids_are_404_not_5xx(string url)
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var status = (int)(await client.GetAsync(url)).StatusCode;
        Assert.True(status is 404 or 400, $"{url}: {status}");
    }

    [Fact]
    public async Task Hostile_form_posts_get_4xx()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/wishlist");
        foreach (var value in Values)
        {
            using var response = await client.PostAsync("/wishlist/1/status", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["status"] = value, ["comment"] = value, ["__RequestVerificationToken"] = token,
            }));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{value}: {(int)response.StatusCode}");
            // The friendly page names the status the response carries.
            Assert.Contains($"Код ответа: {(int)response.StatusCode}", await response.Content.ReadAsStringAsync());
            using var resolve = await client.PostAsync("/escalations?handler=Resolve&id=1", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["reason"] = value, ["__RequestVerificationToken"] = token,
            }));
            Assert.True((int)resolve.StatusCode is >= 400 and < 500, $"resolve {value}: {(int)resolve.StatusCode}");
        }
    }
}
