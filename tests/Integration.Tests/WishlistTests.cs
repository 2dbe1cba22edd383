using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class WishlistFixture : AppFixture
{
    public const string Password = "Wishlist-pass-2026";
    public long Slot { get; private set; }
    public long Service { get; private set; }
    public long Old { get; private set; }
    public long Bulk1 { get; private set; }
    public long Bulk2 { get; private set; }
    public long Foreign { get; private set; }

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow();
        var salon = await Db.Bot.TenantAsync("Салон «Ожидание»");
        var other = await Db.Bot.TenantAsync("Чужой салон");
        var vera = await Db.Bot.ClientAsync(salon, "Вера Ждущая", "+7 901 111-22-33");
        var stranger = await Db.Bot.ClientAsync(other, "Чужая");

        Slot = await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-1), "slot", metaJson: """{"service_title": "Маникюр", "staff_name": "Анна", "preferred_date": "2026-11-25", "time_preference": "evening"}""", comment: "Только вечером\\nпосле 18");
        Service = await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-2), "service", metaJson: """{"service_title": "Окрашивание", "staff_name": "Ольга"}""");
        Old = await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-10), "slot", metaJson: """{"service_title": "Стрижка", "staff_name": "Анна"}""");
        Bulk1 = await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-3), "slot");
        Bulk2 = await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-4), "slot");
        await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-5), status: "converted");
        await Db.Bot.WishlistAsync(salon, vera, now.AddDays(-6), status: "expired");
        Foreign = await Db.Bot.WishlistAsync(other, stranger, now.AddDays(-1));

        await App.CreateUserAsync("staff@wishlist.local", Password, Role.Staff, salon);
        await App.CreateUserAsync("staff-b@wishlist.local", Password, Role.Staff, other);
    }
}

/// <summary>The wishlist queue: merged statuses, filters, decisions recorded in our schema only.</summary>
public sealed partial class WishlistTests(WishlistFixture fixture) : IClassFixture<WishlistFixture>
{
    private Task<HttpClient> StaffAsync(string email = "staff@wishlist.local") => fixture.App.SignedInAsync(email, WishlistFixture.Password);

    private static List<long> Ids(string html) => Row().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string path, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/wishlist?status=all");
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private Task<long> ActionsAsync() => fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.wishlist_actions");

    [Fact]
    public async Task Pending_items_are_shown_by_default_with_counts_per_status()
    {
        using var client = await StaffAsync();
        var html = await client.GetStringAsync("/wishlist");
        Assert.Contains(fixture.Slot, Ids(html));
        Assert.DoesNotContain(fixture.Foreign, Ids(html));
        var flat = Regex.Replace(html, "\\s+", " ");
        // Other tests of this class may decide items; the bot's expired one is never decided.
        Assert.Matches("data-testid=\"count-converted\"> Записан <span class=\"badge text-bg-light\">[1-9]", flat);
        Assert.Contains("data-testid=\"count-expired\"> Истекло <span class=\"badge text-bg-light\">1</span>", flat);
        Assert.Contains("<a href=\"tel:&#x2B;79011112233\">&#x2B;7 901 111-22-33</a>", html); // + is encoded, the browser decodes it
        Assert.Contains("Только вечером", html);
    }

    [Theory]
    [InlineData("/wishlist?status=all&type=service", 1)]
    [InlineData("/wishlist?status=all&staff=%D0%B0%D0%BD%D0%BD%D0%B0", 2)] // "анна", any case
    [InlineData("/wishlist?status=all&age=7", 1)]
    [InlineData("/wishlist?status=expired", 1)]
    [InlineData("/wishlist?status=all&staff=%25", 0)] // a literal %
    public async Task Filters_narrow_the_queue(string url, int expected)
    {
        using var client = await StaffAsync();
        var html = await client.GetStringAsync(url);
        Assert.Equal(expected, Ids(html).Count);
    }

    [Fact]
    public async Task A_decision_is_recorded_in_the_dashboard_schema_and_merged_over_the_bots_status()
    {
        using var client = await StaffAsync();
        var response = await DecideAsync(client, $"/wishlist/{fixture.Service}/status",
            new() { ["status"] = "contacted", ["comment"] = "Позвонили, перезвонит", ["returnUrl"] = "/wishlist?type=service" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wishlist?type=service", response.Headers.Location!.OriginalString);

        Assert.DoesNotContain(fixture.Service, Ids(await client.GetStringAsync("/wishlist")));
        var contacted = await client.GetStringAsync("/wishlist?status=contacted");
        Assert.Contains(fixture.Service, Ids(contacted));
        Assert.Contains("Позвонили, перезвонит", contacted);

        // A later decision wins; both stay in the history.
        await DecideAsync(client, $"/wishlist/{fixture.Service}/status", new() { ["status"] = "converted" });
        var converted = await client.GetStringAsync("/wishlist?status=converted");
        Assert.Contains(fixture.Service, Ids(converted));
        var history = converted[converted.IndexOf("<summary>История</summary>", StringComparison.Ordinal)..];
        Assert.Matches(@"(?s)<li>[^<]*: Записан</li>\s*<li>[^<]*: Связались — Позвонили, перезвонит</li>", history); // newest first
        Assert.Equal("pending", await fixture.Db.ScalarAsync<string>($"SELECT status FROM public.wishlist_v2 WHERE id = {fixture.Service}"));
        Assert.Equal(2L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.wishlist_actions WHERE wishlist_id = {fixture.Service}"));
        Assert.True(await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'wishlist_decision'") >= 2);
    }

    [Fact]
    public async Task Several_items_are_decided_at_once()
    {
        using var client = await StaffAsync();
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/wishlist");
        var response = await client.PostAsync("/wishlist/bulk", new FormUrlEncodedContent(new[]
        {
            KeyValuePair.Create("ids", fixture.Bulk1.ToString()), KeyValuePair.Create("ids", fixture.Bulk2.ToString()),
            KeyValuePair.Create("status", "cancelled"), KeyValuePair.Create("__RequestVerificationToken", token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cancelled = Ids(await client.GetStringAsync("/wishlist?status=cancelled"));
        Assert.Contains(fixture.Bulk1, cancelled);
        Assert.Contains(fixture.Bulk2, cancelled);
    }

    [Theory]
    [InlineData("status", "approved", HttpStatusCode.BadRequest, "Решение — converted")]
    [InlineData("comment", "long", HttpStatusCode.BadRequest, "Комментарий длиннее 1000 символов.")]
    [InlineData("id", "foreign", HttpStatusCode.NotFound, "Заявка не найдена.")]
    [InlineData("id", "unknown", HttpStatusCode.NotFound, "Заявка не найдена.")]
    public async Task A_bad_decision_gets_a_clear_4xx_and_writes_nothing(string field, string value, HttpStatusCode expected, string message)
    {
        using var client = await StaffAsync();
        var before = await ActionsAsync();
        var id = field == "id" ? (value == "foreign" ? fixture.Foreign : 987654321) : fixture.Old;
        var form = new Dictionary<string, string> { ["status"] = field == "status" ? value : "contacted" };
        if (field == "comment") form["comment"] = new string('я', 1001);

        var response = await DecideAsync(client, $"/wishlist/{id}/status", form);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ActionsAsync());
    }

    [Fact]
    public async Task A_decision_without_the_anti_forgery_token_is_refused()
    {
        using var client = await StaffAsync();
        var response = await client.PostAsync($"/wishlist/{fixture.Old}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "contacted" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_salon_sees_neither_the_items_nor_the_export()
    {
        using var client = await StaffAsync("staff-b@wishlist.local");
        Assert.Equal([fixture.Foreign], Ids(await client.GetStringAsync("/wishlist")));
        var csv = await client.GetStringAsync("/wishlist?handler=export&status=all");
        Assert.DoesNotContain("Вера", csv);
    }

    [Fact]
    public async Task The_export_is_csv_with_a_bom()
    {
        using var client = await StaffAsync();
        var bytes = await client.GetByteArrayAsync("/wishlist?handler=export&status=all");
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("id;created_at_utc;client;phone;", text);
        Assert.Contains($"{fixture.Slot};", text);
        Assert.Contains(";Маникюр;Анна;2026-11-25;evening;bot;", text);
    }

    [GeneratedRegex("data-testid=\"wishlist-row\" data-id=\"(\\d+)\"")]
    private static partial Regex Row();
}
