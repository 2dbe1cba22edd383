using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class AccountTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string @new, string confirm)
    {
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/account/password");
        return await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = current, ["New"] = @new, ["Confirm"] = confirm, ["__RequestVerificationToken"] = token,
        }));
    }

    [Theory]
    [InlineData("wrong-password-1", "Brand-new-2026", "Brand-new-2026", "Текущий пароль неверен.")]
    [InlineData(SalonsFixture.Password, "Brand-new-2026", "Brand-new-2027", "Пароли не совпадают.")]
    [InlineData(SalonsFixture.Password, "admin-b@test.local", "admin-b@test.local", "Пароль слишком простой: нужны и буквы, и цифры.")]
    [InlineData(SalonsFixture.Password, "short1", "short1", "Пароль слишком простой: нужно не меньше 10 символов.")]
    // 72 characters but 142 bytes: bcrypt would read only the first 72 bytes.
    [InlineData(SalonsFixture.Password, "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12", "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12", "Пароль слишком длинный")]
    public async Task A_bad_change_is_refused_with_a_message(string current, string @new, string confirm, string message)
    {
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        var response = await ChangeAsync(client, current, @new, confirm);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_current_passwords_count_toward_the_sign_in_lockout()
    {
        await fixture.App.CreateUserAsync("guessed@test.local", SalonsFixture.Password, AgentP.Domain.Common.Role.Staff, fixture.SalonA);
        using var client = fixture.App.Browser();
        client.DefaultRequestHeaders.Add("X-Test-Client-Ip", "198.51.100.5");
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(client, "guessed@test.local", SalonsFixture.Password)).StatusCode);

        // A borrowed session must not give unlimited guesses at the password.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(client, $"guess-{i}-password", "Brand-new-2026", "Brand-new-2026")).StatusCode);
        var right = await ChangeAsync(client, SalonsFixture.Password, "Brand-new-2026", "Brand-new-2026");
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Слишком много неверных попыток", await right.Content.ReadAsStringAsync());

        using var sameAddress = fixture.App.Browser();
        sameAddress.DefaultRequestHeaders.Add("X-Test-Client-Ip", "198.51.100.5");
        Assert.Equal(HttpStatusCode.OK, (await DashboardApp.PostLoginAsync(sameAddress, "guessed@test.local", SalonsFixture.Password)).StatusCode);
        Assert.Equal(5L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.audits WHERE action = 'login_failed' AND metadata->>'reason' = 'wrong_current_password' AND metadata->>'email' = 'guessed@test.local'"));
    }

    [Fact]
    public async Task The_new_password_replaces_the_old_one_and_is_audited()
    {
        using var client = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, SalonsFixture.Password, "Changed-pass-2026", "Changed-pass-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "staff-a@test.local", SalonsFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardApp.PostLoginAsync(fixture.App.Browser(), "staff-a@test.local", "Changed-pass-2026")).StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'change_password'"));
    }
}
