using System.Net;
using AgentP.TestSupport;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Users;

namespace AgentP.Integration.Tests;

/// <summary>User management: a salon admin manages their own salon's people only; deactivation stops sign-in.</summary>
public sealed class UsersTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Two_admins_creating_one_e_mail_at_once_get_one_user_and_a_clear_refusal_not_a_500()
    {
        // Both pass the validator's "no such e-mail yet" before either saves: the unique key decides, and the loser hears why.
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await fixture.App.SendAs(fixture.AdminA, new Application.Users.CreateUser("twice@test.local", "Strong-pass-2026", "staff", fixture.SalonA));
                return "created";
            }
            catch (FluentValidation.ValidationException e) { return e.Errors.Single().ErrorMessage; }
        }));
        Assert.Contains("created", results);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users WHERE email = 'twice@test.local'"));
        Assert.All(results.Where(r => r != "created"), r => Assert.Equal(CreateUserValidator.EmailTaken, r));
    }

    [Fact]
    public async Task A_salon_admin_is_refused_a_taken_e_mail_without_learning_whose_it_is()
    {
        // Another salon's admin, the platform owner and a user of one's own salon: one answer, naming no account.
        var answers = new List<string>();
        foreach (var email in new[] { "admin-b@test.local", "root@test.local", "staff-a@test.local" })
        {
            var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
                fixture.App.SendAs(fixture.AdminA, new CreateUser(email, "Strong-pass-2026", "staff", fixture.SalonA)));
            answers.Add(refused.Errors.Single().ErrorMessage);
        }
        Assert.All(answers, a => Assert.Equal(CreateUserValidator.EmailTaken, a));
        Assert.All(answers, a => Assert.DoesNotContain("уже есть", a));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form, string query = "")
    {
        form["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/users");
        return await client.PostAsync($"/users?handler={handler}{query}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task An_admin_sees_only_their_salons_users()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var html = await client.GetStringAsync("/users");
        Assert.Contains("staff-a@test.local", html);
        Assert.DoesNotContain("admin-b@test.local", html);
        Assert.DoesNotContain("root@test.local", html);
    }

    [Fact]
    public async Task An_admin_adds_staff_to_their_salon_who_can_then_sign_in()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var response = await PostAsync(client, "Create", new() { ["Form.Email"] = "new-staff@test.local", ["Form.Password"] = "Fresh-pass-2026", ["Form.Role"] = "staff" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(fixture.SalonA, await fixture.Db.ScalarAsync<Guid>("SELECT tenant_id FROM dashboard.users WHERE email = 'new-staff@test.local'"));
        using var staff = await fixture.App.SignedInAsync("new-staff@test.local", "Fresh-pass-2026");
        Assert.Contains("Салон «Альфа»", await staff.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_name_with_control_characters_is_refused_with_a_400_as_on_edit()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var response = await PostAsync(client, "Create", new()
        {
            ["Form.Email"] = "bell-name@test.local", ["Form.Password"] = "Fresh-pass-2026", ["Form.Role"] = "staff", ["Form.FirstName"] = "Ан\u0007на",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("управляющие символы", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users WHERE email = 'bell-name@test.local'"));
    }

    [Theory]
    [InlineData("super_admin", "Strong-pass-2026", "Администратор салона добавляет только")]
    [InlineData("staff", "short1", "Пароль слишком простой")]
    [InlineData("admin", "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12", "Пароль слишком длинный")]
    public async Task An_admin_gets_a_clear_400_for_a_user_they_may_not_add(string role, string password, string message)
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var response = await PostAsync(client, "Create", new() { ["Form.Email"] = $"{role}-x@test.local", ["Form.Password"] = password, ["Form.Role"] = role });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.users WHERE email = '{role}-x@test.local'"));
    }

    [Fact]
    public async Task A_cyrillic_password_of_72_bytes_is_taken_whole()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        const string password = "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12"; // 36 letters, 72 bytes
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Create", new() { ["Form.Email"] = "cyrillic@test.local", ["Form.Password"] = password, ["Form.Role"] = "staff" })).StatusCode);
        (await fixture.App.SignedInAsync("cyrillic@test.local", password)).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "cyrillic@test.local", password[..^1] + "3")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_stops_sign_in_and_is_refused_across_salons_and_for_oneself()
    {
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var response = await PostAsync(admin, "Active", [], $"&id={fixture.StaffA.Id}&active=false");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "staff-a@test.local", SalonsFixture.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "Active", [], $"&id={fixture.AdminB.Id}&active=false")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "Active", [], $"&id={fixture.SuperAdmin.Id}&active=false")).StatusCode);
        var self = await PostAsync(admin, "Active", [], $"&id={fixture.AdminA.Id}&active=false");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("Нельзя отключить самого себя.", await self.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'deactivate_user'"));

        await PostAsync(admin, "Active", [], $"&id={fixture.StaffA.Id}&active=true");
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "staff-a@test.local", SalonsFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_open_the_users_page()
    {
        using var client = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        Assert.StartsWith("/status/403", (await client.GetAsync("/users")).Headers.Location!.PathAndQuery);
    }
}

public sealed partial class PasswordResetTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string tokenPage, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, tokenPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private async Task<string> LinkAsync(HttpClient admin, long userId)
    {
        var made = await PostAsync(admin, $"/users?handler=Reset&id={userId}", "/users", []);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await admin.GetStringAsync("/users");
        var token = ResetToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/users")); // shown once
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.users WHERE reset_password_token = '{token}'")); // stored hashed
        return token;
    }

    private async Task<HttpResponseMessage> UseAsync(string token, string password)
    {
        using var anonymous = fixture.App.Browser();
        return await PostAsync(anonymous, "/account/reset", $"/account/reset?token={token}", new() { ["Token"] = token, ["New"] = password, ["Confirm"] = password });
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once()
    {
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await LinkAsync(admin, fixture.StaffA.Id);

        var used = await UseAsync(token, "Reset-pass-2026");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Contains("Пароль задан", await used.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "staff-a@test.local", "Reset-pass-2026")).StatusCode);

        var again = await UseAsync(token, "Another-pass-2026");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Ссылка неверна или устарела", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reset_to_a_password_over_72_bytes_is_refused_and_the_link_still_works()
    {
        var id = await fixture.App.CreateUserAsync("long-reset@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonA);
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await LinkAsync(admin, id);
        var refused = await UseAsync(token, "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Пароль слишком длинный", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await UseAsync(token, "Reset-pass-2026")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_voids_the_outstanding_reset_link()
    {
        await fixture.App.CreateUserAsync("changes@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonA);
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await LinkAsync(admin, await fixture.Db.ScalarAsync<long>("SELECT id FROM dashboard.users WHERE email = 'changes@test.local'"));

        using var user = await fixture.App.SignedInAsync("changes@test.local", SalonsFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(user, "/account/password", "/account/password",
            new() { ["Current"] = SalonsFixture.Password, ["New"] = "Changed-pass-2026", ["Confirm"] = "Changed-pass-2026" })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await UseAsync(token, "Hijacked-pass-2026")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_voids_the_outstanding_reset_link()
    {
        var id = await fixture.App.CreateUserAsync("leaves@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonA);
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await LinkAsync(admin, id);
        foreach (var garbage in new[] { "", "нет", "¿'\"(" })
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, $"/users?handler=Active&id={id}&active={Uri.EscapeDataString(garbage)}", "/users", [])).StatusCode);
        Assert.True(await fixture.Db.ScalarAsync<bool>($"SELECT active FROM dashboard.users WHERE id = {id}")); // nothing switched off
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/users?handler=Active&id={id}&active=false", "/users", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/users?handler=Active&id={id}&active=true", "/users", [])).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await UseAsync(token, "Comeback-pass-2026")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_expires_after_24_hours_and_foreign_users_are_404()
    {
        using var admin = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        var created = await fixture.App.CreateUserAsync("late@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonB);
        var token = await LinkAsync(admin, created);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, $"/users?handler=Reset&id={fixture.StaffA.Id}", "/users", [])).StatusCode);
        fixture.App.Clock.Advance(TimeSpan.FromHours(24.1)); // the fake clock only moves forward: this test's last step
        Assert.Equal(HttpStatusCode.BadRequest, (await UseAsync(token, "Late-pass-2026")).StatusCode);
    }

    [Fact]
    public async Task An_admin_edits_names_and_role_of_their_salons_users_only()
    {
        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var id = await fixture.App.CreateUserAsync("promote@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonA);
        var ok = await PostAsync(admin, $"/users?handler=Update&id={id}", "/users", new() { ["firstName"] = "Ирина", ["lastName"] = "Главная", ["role"] = "admin" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("Ирина Главная admin", await fixture.Db.ScalarAsync<string>($"SELECT concat_ws(' ', first_name, last_name, role) FROM dashboard.users WHERE id = {id}"));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, $"/users?handler=Update&id={id}", "/users", new() { ["role"] = "super_admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, $"/users?handler=Update&id={fixture.AdminB.Id}", "/users", new() { ["role"] = "staff" })).StatusCode);
    }

    [Fact]
    public async Task Without_a_public_address_the_link_is_a_path_and_never_takes_the_requests_host()
    {
        using var admin = fixture.App.Browser();
        admin.BaseAddress = new Uri("http://evil.example"); // a forged Host header
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(admin, "admin-b@test.local", SalonsFixture.Password)).StatusCode);
        var id = await fixture.App.CreateUserAsync("hosted@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonB);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/users?handler=Reset&id={id}", "/users", [])).StatusCode);

        var page = await admin.GetStringAsync("/users");
        Assert.DoesNotContain("evil.example", page);
        Assert.Matches("<code[^>]*>/account/reset\\?token=[A-Za-z0-9_-]+</code>", page);
        Assert.Contains("Dashboard__PublicBaseUrl", page);
    }

    [System.Text.RegularExpressions.GeneratedRegex("/account/reset\\?token=([A-Za-z0-9_-]+)")]
    private static partial System.Text.RegularExpressions.Regex ResetToken();
}

/// <summary>The same salons with the dashboard's public address configured, as production has it.</summary>
public sealed class PublicAddressSalonsFixture : SalonsFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["Dashboard:PublicBaseUrl"] = "https://dashboard.salon.example/" });
}

public sealed class PublicResetLinkTests(PublicAddressSalonsFixture fixture) : IClassFixture<PublicAddressSalonsFixture>
{
    [Fact]
    public async Task A_reset_link_is_built_from_the_configured_address_whatever_the_host_header_says()
    {
        using var admin = fixture.App.Browser();
        admin.BaseAddress = new Uri("http://evil.example");
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(admin, "admin-a@test.local", SalonsFixture.Password)).StatusCode);
        var token = await DashboardApp.AntiForgeryTokenAsync(admin, "/users");
        await admin.PostAsync($"/users?handler=Reset&id={fixture.StaffA.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var page = await admin.GetStringAsync("/users");
        Assert.DoesNotContain("evil.example", page);
        Assert.Matches("<code[^>]*>https://dashboard\\.salon\\.example/account/reset\\?token=[A-Za-z0-9_-]+</code>", page);
    }
}

public sealed class TwoOwnersFixture : AppFixture
{
    public const string Password = "Owner-pass-2026";
    public TestUser First { get; private set; } = null!;
    public TestUser Second { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        First = new(await App.CreateUserAsync("owner-1@test.local", Password, AgentP.Domain.Common.Role.SuperAdmin, null), AgentP.Domain.Common.Role.SuperAdmin, null);
        Second = new(await App.CreateUserAsync("owner-2@test.local", Password, AgentP.Domain.Common.Role.SuperAdmin, null), AgentP.Domain.Common.Role.SuperAdmin, null);
    }
}

/// <summary>The platform always keeps an active super_admin, even when two of them switch each other off at once.</summary>
public sealed class LastOwnerTests(TwoOwnersFixture fixture) : IClassFixture<TwoOwnersFixture>
{
    private Task BothActiveAsync() => fixture.Db.ExecuteAsync("UPDATE dashboard.users SET active = true WHERE role = 'super_admin'");
    private Task<long> ActiveOwnersAsync() => fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users WHERE role = 'super_admin' AND active");

    [Fact]
    public async Task The_last_active_super_admin_cannot_be_switched_off()
    {
        await BothActiveAsync();
        await fixture.App.SendAs(fixture.First, new SetUserActive(fixture.Second.Id, false));
        // The second owner's request arrives as if their session were still open.
        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => fixture.App.SendAs(fixture.Second, new SetUserActive(fixture.First.Id, false)));
        Assert.Contains("последнего", refused.Errors.Single().ErrorMessage);
        Assert.Equal(1L, await ActiveOwnersAsync());
        await BothActiveAsync();
    }

    [Fact]
    public async Task Two_super_admins_switching_each_other_off_at_once_leave_one_active()
    {
        for (var round = 0; round < 10; round++)
        {
            await BothActiveAsync();
            var outcomes = await Task.WhenAll(
                TryAsync(fixture.First, fixture.Second.Id),
                TryAsync(fixture.Second, fixture.First.Id));
            Assert.Equal(1L, await ActiveOwnersAsync());
            Assert.Equal(1, outcomes.Count(done => done));
        }
        await BothActiveAsync();
    }

    /// <summary>
    /// Losing the role is the other way to lose the last owner: no owner's role changes, whoever asks (another owner
    /// included), on the page or by request, so two owners cannot demote each other either.
    /// </summary>
    [Fact]
    public async Task No_super_admin_loses_the_role_whoever_asks()
    {
        await BothActiveAsync();
        foreach (var role in new[] { "admin", "staff" })
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => fixture.App.SendAs(fixture.First, new UpdateUser(fixture.Second.Id, "Второй", "Владелец", role)));
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => fixture.App.SendAs(fixture.First, new UpdateUser(fixture.First.Id, null, null, role)));
        }

        using var page = await fixture.App.SignedInAsync("owner-1@test.local", TwoOwnersFixture.Password);
        var form = new Dictionary<string, string> { ["role"] = "admin", ["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(page, "/users") };
        using var refused = await page.PostAsync($"/users?handler=Update&id={fixture.Second.Id}", new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users WHERE role = 'super_admin' AND active"));
    }

    private async Task<bool> TryAsync(TestUser caller, long target)
    {
        try
        {
            await fixture.App.SendAs(caller, new SetUserActive(target, false));
            return true;
        }
        catch (FluentValidation.ValidationException)
        {
            return false;
        }
    }
}
