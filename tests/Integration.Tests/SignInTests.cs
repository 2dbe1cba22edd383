using AgentP.TestSupport;
using System.Diagnostics;
using System.Net;
using AgentP.Domain.Common;

namespace AgentP.Integration.Tests;

public sealed class SignInFixture : AppFixture
{
    public const string Password = "Correct-horse-42";
    /// <summary>Made by Python's bcrypt 3.2.2: <c>bcrypt.hashpw("Пароль-из-Python-1".encode(), bcrypt.gensalt(12))</c>.</summary>
    public const string PythonHash = "$2b$12$3w9OozUdGF1b1s11i5Q1NO0Z6pLblLgxtfYd/JnnzSk7T.0Cfj12W";

    public Guid Salon { get; private set; }

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон «Вход»");
        foreach (var email in new[] { "ok@test.local", "timing@test.local", "lockout@test.local", "release@test.local", "audit@test.local", "remember@test.local" })
            await App.CreateUserAsync(email, Password, Role.Admin, Salon);
        await App.CreateUserAsync("inactive@test.local", Password, Role.Staff, Salon, active: false);
        var id = await App.CreateUserAsync("python@test.local", Password, Role.Admin, Salon);
        await Db.ExecuteAsync("UPDATE dashboard.users SET encrypted_password = $1 WHERE id = $2", true, PythonHash, id);
    }
}

/// <summary>The /login form end to end: cookie, lockout in the database, audit rows, equal answers for unknown e-mails.</summary>
public sealed class SignInTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    private const string InvalidCredentials = "Неверный e-mail или пароль.";

    [Fact]
    public async Task Correct_password_signs_in_with_a_secure_cookie_and_is_audited()
    {
        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "OK@test.local ", SignInFixture.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("agentp.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie without "remember me"
        Assert.Contains("Салон «Вход»", await client.GetStringAsync("/"));
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.audits a JOIN dashboard.users u ON u.id = a.user_id WHERE u.email = 'ok@test.local' AND a.action = 'login'"));
    }

    [Fact]
    public async Task Remember_me_makes_the_cookie_persistent()
    {
        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "remember@test.local", SignInFixture.Password, rememberMe: true);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("agentp.auth="));
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_hash_made_by_pythons_bcrypt_verifies()
    {
        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "python@test.local", "Пароль-из-Python-1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var other = fixture.App.Browser();
        var wrong = await DashboardApp.PostLoginAsync(other, "python@test.local", "Пароль-из-Python-2");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        using var client = fixture.App.Browser();
        var wrong = await DashboardApp.PostLoginAsync(client, "audit@test.local", "wrong-password-1");
        var unknown = await DashboardApp.PostLoginAsync(client, "nobody@test.local", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(InvalidCredentials, wrongHtml);
        Assert.Contains(InvalidCredentials, await unknown.Content.ReadAsStringAsync());
        Assert.DoesNotContain("wrong-password-1", wrongHtml); // the password is not echoed back

        var audits = await fixture.Db.ScalarAsync<long>("""
            SELECT count(*) FROM dashboard.audits
            WHERE action = 'login_failed' AND ip_address = '203.0.113.7' AND user_agent = 'AgentP-Tests/1.0'
              AND metadata->>'email' IN ('audit@test.local', 'nobody@test.local')
            """);
        Assert.Equal(2L, audits);
    }

    [Fact]
    public async Task An_unknown_email_takes_about_as_long_as_a_wrong_password()
    {
        using var client = fixture.App.Browser();
        await DashboardApp.PostLoginAsync(client, "nobody@test.local", "warm-up-1"); // first use builds the decoy hash

        var wrong = await MedianAsync(() => DashboardApp.PostLoginAsync(client, "timing@test.local", "wrong-password-1"));
        var unknown = await MedianAsync(() => DashboardApp.PostLoginAsync(client, "nobody@test.local", "wrong-password-1"));

        // Without the decoy verification an unknown e-mail answers in a few ms against bcrypt's ~200 ms.
        Assert.True(unknown > wrong * 0.5, $"unknown e-mail {unknown:F0} ms vs wrong password {wrong:F0} ms");
    }

    [Fact]
    public async Task An_htmx_request_without_a_sign_in_is_told_to_load_the_sign_in_page()
    {
        using var client = fixture.App.Browser();
        var plain = await client.GetAsync("/sessions?status=dropped");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);

        // Inside htmx's request a 302 would be followed and the sign-in page swapped into the results.
        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/sessions?status=dropped") { Headers = { { "HX-Request", "true" } } };
        var response = await client.SendAsync(htmx);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(plain.Headers.Location!.ToString(), response.Headers.GetValues("HX-Redirect").Single());
        Assert.Contains("/login?ReturnUrl=%2Fsessions%3Fstatus%3Ddropped", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task An_inactive_user_cannot_sign_in()
    {
        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "inactive@test.local", SignInFixture.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Учётная запись отключена", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var client = fixture.App.Browser();
        for (var i = 0; i < 5; i++) await DashboardApp.PostLoginAsync(client, "lockout@test.local", $"wrong-{i}-password");

        var response = await DashboardApp.PostLoginAsync(client, "lockout@test.local", SignInFixture.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Слишком много неудачных попыток", await response.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.users WHERE email = 'lockout@test.local' AND locked_until = '2026-11-23T09:15:00Z'"));
    }

    [Fact]
    public async Task The_lockout_is_released_after_fifteen_minutes()
    {
        using var client = fixture.App.Browser();
        for (var i = 0; i < 5; i++) await DashboardApp.PostLoginAsync(client, "release@test.local", $"wrong-{i}-password");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await DashboardApp.PostLoginAsync(client, "release@test.local", SignInFixture.Password)).StatusCode);

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(1.1));
        var response = await DashboardApp.PostLoginAsync(client, "release@test.local", SignInFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.users WHERE email = 'release@test.local' AND failed_login_count = 0 AND locked_until IS NULL"));
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_is_audited()
    {
        using var client = fixture.App.Browser();
        await DashboardApp.PostLoginAsync(client, "audit@test.local", SignInFixture.Password);
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/");
        var response = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.audits a JOIN dashboard.users u ON u.id = a.user_id WHERE u.email = 'audit@test.local' AND a.action = 'logout' AND a.user_agent IS NOT NULL"));
    }

    [Fact]
    public async Task A_login_post_without_the_anti_forgery_token_is_refused()
    {
        using var client = fixture.App.Browser();
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ok@test.local", ["Password"] = SignInFixture.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Empty_fields_get_field_messages_not_an_error_page()
    {
        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Введите e-mail.", html);
        Assert.Contains("Введите пароль.", html);
    }

    private static async Task<double> MedianAsync(Func<Task<HttpResponseMessage>> attempt)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await attempt()).Dispose();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return times[1];
    }
}
