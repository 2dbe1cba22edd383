using System.Net;
using System.Text.RegularExpressions;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// The users page's create form offers the super_admin every salon, from the page's one request (<c>GetUsers</c>), whatever
/// salon is picked in the header; a salon admin gets no salon choice at all.
/// </summary>
public sealed class UserFormSalonsTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>, IAsyncLifetime
{
    private static readonly string[] Salons = ["Салон «Альфа»", "Студия «Бета»", "Салон «Гамма»"];

    public Task InitializeAsync() => fixture.WarmTheCacheAsOtherSalonsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_super_admin_who_picked_a_salon_is_offered_every_salon()
    {
        using var client = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        await PickAsync(client, fixture.SalonB);
        var html = await client.GetStringAsync("/users");
        Assert.Contains("admin-b@test.local", html); // the picked salon's users
        Assert.DoesNotContain("admin-a@test.local", html);
        Assert.Equal(Salons.Order(), SalonOptions(html).Order());
    }

    [Fact]
    public async Task A_super_admin_over_all_salons_is_offered_every_salon()
    {
        using var client = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        Assert.Equal(Salons.Order(), SalonOptions(await client.GetStringAsync("/users")).Order());
    }

    [Fact]
    public async Task A_refused_new_user_shows_the_form_again_with_every_salon_and_the_chosen_one_selected()
    {
        using var client = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        await PickAsync(client, fixture.SalonB);
        var response = await client.PostAsync("/users?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = "admin-a@test.local", ["Form.Password"] = "Fresh-pass-2026", ["Form.Role"] = "staff",
            ["Form.TenantId"] = fixture.SalonC.ToString(), ["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/users"),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("нельзя использовать", html);
        Assert.Equal(Salons.Order(), SalonOptions(html).Order());
        Assert.Matches($"<option selected=\"selected\" value=\"{fixture.SalonC}\"|<option value=\"{fixture.SalonC}\" selected=\"selected\"", html);
    }

    [Fact]
    public async Task A_salon_admin_is_offered_no_salon()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var html = await client.GetStringAsync("/users");
        Assert.Contains("staff-a@test.local", html);
        Assert.Empty(SalonOptions(html));
        Assert.DoesNotContain("Студия «Бета»", html);
        Assert.DoesNotContain("Салон «Гамма»", html);
    }

    /// <summary>The names in the create form's salon list (not the header's switcher, which lists every salon too).</summary>
    private static List<string> SalonOptions(string html)
    {
        var select = Regex.Match(html, "<select[^>]*name=\"Form.TenantId\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        return !select.Success ? [] : Regex.Matches(select.Groups[1].Value, "<option[^>]*value=\"[0-9a-f-]{36}\"[^>]*>([^<]*)</option>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    private async Task PickAsync(HttpClient client, Guid salon)
    {
        var response = await client.PostAsync("/switch-tenant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenantId"] = salon.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
