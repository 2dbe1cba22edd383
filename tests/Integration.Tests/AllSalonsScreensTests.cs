using System.Net;
using System.Text.RegularExpressions;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>What «Все салоны» and a refused range show: a way on, never an error page or another scope's heading.</summary>
public sealed partial class AllSalonsScreensTests(DemoPagesFixture fixture) : IClassFixture<DemoPagesFixture>
{
    [Fact]
    public async Task Settings_with_all_salons_picked_offer_the_salon_to_choose()
    {
        using var owner = await fixture.App.SignedInAsync("owner@demo.local", DemoPagesFixture.Password);
        using var redirect = await owner.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        using var response = await owner.GetAsync(redirect.Headers.Location!.OriginalString);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"settings-choose-salon\"", html);
        var salons = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM public.tenants_v2");
        Assert.Equal(salons, EnterSalon().Matches(html).Count(m => m.Groups["to"].Value == "/settings"));
    }

    [Fact]
    public async Task A_salon_admin_never_sees_the_salon_choice_in_settings()
    {
        using var admin = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        using (var choose = await admin.GetAsync("/settings?handler=choose")) // no choice for one salon: its own settings
        {
            Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
            Assert.Equal("/settings", choose.Headers.Location!.OriginalString);
        }
        var html = await admin.GetStringAsync("/settings");
        Assert.Contains("Form.TimeZone", html);
        Assert.DoesNotContain("settings-choose-salon", html);
        Assert.DoesNotContain("enter-salon", html);
    }

    [Fact]
    public async Task Platform_names_each_salon_as_a_way_into_it()
    {
        using var owner = await fixture.App.SignedInAsync("owner@demo.local", DemoPagesFixture.Password);
        var html = await owner.GetStringAsync("/platform");
        var rows = Regex.Matches(html, "data-testid=\"platform-row\"").Count;
        Assert.True(rows > 0);
        Assert.Equal(rows, EnterSalon().Matches(html).Count(m => m.Groups["to"].Value == "/"));
    }

    [Fact]
    public async Task A_salon_admins_refused_range_keeps_the_salons_name_as_its_heading()
    {
        using var admin = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        using var response = await admin.GetAsync("/?from=2026-12-10&to=2026-12-01");
        var heading = Regex.Match(await response.Content.ReadAsStringAsync(), "data-testid=\"overview-salon\">([^<]*)<").Groups[1].Value;
        var salon = await fixture.Db.ScalarAsync<string>($"SELECT name FROM public.tenants_v2 WHERE id = '{fixture.Salon}'");
        Assert.Equal(salon, WebUtility.HtmlDecode(heading));
    }

    [Fact]
    public async Task Dialogs_from_all_salons_name_each_ones_salon_and_so_does_a_transcript_opened_from_there()
    {
        using var owner = await fixture.App.SignedInAsync("owner@demo.local", DemoPagesFixture.Password);
        var html = await owner.GetStringAsync("/sessions");
        var salons = Regex.Matches(html, "data-testid=\"session-salon\">([^<]+)<").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(Regex.Matches(html, "data-testid=\"session-row\"").Count, salons.Count);
        var names = (await fixture.Db.ScalarAsync<string>("SELECT string_agg(name, '|') FROM public.tenants_v2")).Split('|');
        Assert.All(salons, salon => Assert.Contains(salon, names));

        var id = Regex.Match(html, "href=\"/sessions/(\\d+)\"").Groups[1].Value;
        var transcript = await owner.GetStringAsync($"/sessions/{id}");
        var whose = await fixture.Db.ScalarAsync<string>($"SELECT t.name FROM public.conversation_sessions_v2 s JOIN public.tenants_v2 t ON t.id = s.tenant_id WHERE s.id = {id}");
        Assert.Equal(whose, WebUtility.HtmlDecode(Regex.Match(transcript, "data-testid=\"session-salon\">([^<]+)<").Groups[1].Value));
    }

    [Fact]
    public async Task A_salon_admins_dialogs_name_no_salon()
    {
        using var admin = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        var html = await admin.GetStringAsync("/sessions");
        Assert.Contains("data-testid=\"session-row\"", html);
        Assert.DoesNotContain("session-salon", html);
        var id = Regex.Match(html, "href=\"/sessions/(\\d+)\"").Groups[1].Value;
        Assert.DoesNotContain("session-salon", await admin.GetStringAsync($"/sessions/{id}"));
    }

    [Theory]
    [InlineData("/wishlist?status=all", "wishlist-row", "wishlist-salon")]
    [InlineData("/clients", "client-row", "client-salon")]
    [InlineData("/clients?due=1", "client-row", "client-salon")]
    public async Task Lists_from_all_salons_name_each_rows_salon_and_a_salons_own_lists_do_not(string url, string row, string salon)
    {
        using var owner = await fixture.App.SignedInAsync("owner@demo.local", DemoPagesFixture.Password);
        var html = await owner.GetStringAsync(url);
        var salons = Regex.Matches(html, $"data-testid=\"{salon}\">([^<]+)<").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var rows = Regex.Matches(html, $"data-testid=\"{row}\"").Count;
        Assert.True(rows > 0);
        Assert.Equal(rows, salons.Count);
        var names = (await fixture.Db.ScalarAsync<string>("SELECT string_agg(name, '|') FROM public.tenants_v2")).Split('|');
        Assert.All(salons, s => Assert.Contains(s, names));

        using var admin = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        var own = await admin.GetStringAsync(url);
        Assert.Contains($"data-testid=\"{row}\"", own);
        Assert.DoesNotContain(salon, own);
    }

    [GeneratedRegex("""name="tenantId" value="[0-9a-f-]{36}" />\s*<input type="hidden" name="returnUrl" value="(?<to>[^"]*)" />\s*<button[^>]*data-testid="enter-salon">""")]
    private static partial Regex EnterSalon();
}
