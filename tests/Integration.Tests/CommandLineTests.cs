using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>The CLI verbs as an operator runs them: the real Web assembly in its own process.</summary>
public sealed class CommandLineTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task Create_user_creates_a_salon_admin_who_can_sign_in()
    {
        var (code, output, _) = await RunAsync("create-user", "--email", "New.Admin@Test.local", "--password", "Strong-pass-2026",
            "--role", "admin", "--tenant", fixture.SalonA.ToString());
        Assert.Equal(0, code);
        Assert.Contains("new.admin@test.local", output);

        using var client = fixture.App.Browser();
        var response = await DashboardApp.PostLoginAsync(client, "new.admin@test.local", "Strong-pass-2026");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'create_user' AND ip_address = 'cli'"));
    }

    [Theory]
    [InlineData("admin without a tenant", "Для ролей admin и staff укажите салон", "--email", "a1@test.local", "--password", "Strong-pass-2026", "--role", "admin")]
    [InlineData("weak password", "Пароль слишком простой", "--email", "a2@test.local", "--password", "12345", "--role", "super_admin")]
    [InlineData("72 cyrillic letters are 142 bytes", "Пароль слишком длинный", "--email", "a6@test.local", "--password", "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ12", "--role", "super_admin")]
    [InlineData("letters only", "нужны и буквы, и цифры", "--email", "a3@test.local", "--password", "onlyletterspassword", "--role", "super_admin")]
    [InlineData("duplicate e-mail", "нельзя использовать", "--email", "ADMIN-A@test.local", "--password", "Strong-pass-2026", "--role", "super_admin")]
    [InlineData("unknown role", "Роль должна быть", "--email", "a4@test.local", "--password", "Strong-pass-2026", "--role", "owner")]
    [InlineData("unknown tenant", "не найден", "--email", "a5@test.local", "--password", "Strong-pass-2026", "--role", "staff", "--tenant", "6b1f4f4e-0000-4000-8000-000000000000")]
    [InlineData("not an e-mail", "не e-mail", "--email", "not-an-email", "--password", "Strong-pass-2026", "--role", "super_admin")]
    public async Task Create_user_refuses_bad_input_with_a_clear_message(string why, string message, params string[] args)
    {
        var before = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users");
        var (code, _, error) = await RunAsync(["create-user", .. args]);
        Assert.True(code == 2, $"{why}: exit {code}, {error}");
        Assert.Contains(message, error);
        Assert.Equal(before, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.users"));
    }

    /// <summary>The CLI only creates users: an owner's e-mail given again, as a salon admin, changes nothing about the owner.</summary>
    [Fact]
    public async Task Create_user_cannot_turn_an_existing_super_admin_into_a_salon_user()
    {
        var (code, _, error) = await RunAsync("create-user", "--email", "ROOT@test.local", "--password", "Strong-pass-2026", "--role", "admin",
            "--tenant", fixture.SalonA.ToString());
        Assert.Equal(2, code);
        Assert.Contains("нельзя использовать", error);
        Assert.Equal("super_admin t", await fixture.Db.ScalarAsync<string>(
            "SELECT concat_ws(' ', role, active) || coalesce(' ' || tenant_id::text, '') FROM dashboard.users WHERE email = 'root@test.local'"));
    }

    [Fact]
    public async Task Index_dialogs_reports_what_it_copied_and_refuses_options()
    {
        var (code, output, _) = await RunAsync("index-dialogs");
        Assert.Equal(0, code);
        Assert.Contains("Done: 0 dialog(s) added", output); // this fixture's dialogs are seconds old: they wait until they settle
        var refused = await RunAsync("index-dialogs", "--tenant", fixture.SalonA.ToString());
        Assert.Equal(64, refused.Code);
        Assert.Contains("Unexpected option --tenant", refused.Error);
    }

    [Fact]
    public async Task Usage_errors_and_help()
    {
        var (code, _, error) = await RunAsync("create-user", "--email");
        Assert.Equal(64, code);
        Assert.Contains("--email needs a value", error);

        (code, _, error) = await RunAsync("create-user", "--email", "x@test.local", "--password", "Strong-pass-2026", "--role", "admin", "--tenant", "salon-1");
        Assert.Equal(64, code);
        Assert.Contains("is not a UUID", error);

        (code, var help, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("create-user", help);

        (code, _, error) = await RunAsync("frobnicate");
        Assert.Equal(64, code);
        Assert.Contains("Unknown verb", error);
    }

    [Fact]
    public async Task Collect_metrics_reports_each_chunk_and_a_summary()
    {
        var (code, output, error) = await RunAsync("collect-metrics", "--from", "2026-09-01", "--to", "2026-11-22");
        Assert.True(code == 0, error);
        // A line per chunk as it finishes (two run at a time, so in either order), the bar full on the third.
        Assert.Contains("[  1/3]", output);
        Assert.Contains("[  3/3] [####################] 2026-", output);
        foreach (var chunk in new[] { "2026-09-01 … 2026-10-01", "2026-10-02 … 2026-11-01", "2026-11-02 … 2026-11-22" })
            Assert.Contains(chunk, output);
        Assert.Contains("Done: 83 day(s) × 3 salon(s) = 249 row(s)", output);
        Assert.Equal(1, await fixture.Db.ScalarAsync<int>(
            $"SELECT dialogs_started FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.SalonA}' AND day = '2026-11-22'")); // 23:59 Moscow
    }

    [Theory]
    [InlineData(64, "is not a date like 2026-10-31", "--from", "2026-02-30", "--to", "2026-03-01")]
    [InlineData(64, "--to is required", "--from", "2026-02-01")]
    [InlineData(2, "Дата «по» раньше даты «с».", "--from", "2026-03-01", "--to", "2026-02-01")]
    [InlineData(2, "не найден", "--from", "2026-02-01", "--to", "2026-02-02", "--tenant", "6b1f4f4e-0000-4000-8000-000000000000")]
    public async Task Collect_metrics_refuses_bad_input_clearly(int expectedCode, string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(["collect-metrics", .. args]);
        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Migrate_reports_an_up_to_date_schema()
    {
        var (code, output, _) = await RunAsync("migrate");
        Assert.Equal(0, code);
        Assert.Contains("up to date", output);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => Cli.RunAsync(fixture.Db, args);

    private Task<(int Code, string Output, string Error)> RunAsync(IEnumerable<string> args) => Cli.RunAsync(fixture.Db, args.ToArray());
}
