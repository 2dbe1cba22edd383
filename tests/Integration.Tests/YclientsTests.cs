using AgentP.Application.Metrics;
using AgentP.Application.Bookings;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentP.Integration.Tests;

/// <summary>The YClients client against a local fake over real HTTP: headers, answers, retries, timeouts, no secrets in logs.</summary>
public sealed class YclientsClientTests : IAsyncLifetime
{
    private FakeYclients _fake = null!;
    private readonly CapturingLogs _logs = new();
    private ServiceProvider? _services;

    public Task InitializeAsync()
    {
        _fake = new FakeYclients();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    /// <summary>The client as the app registers it: its retries live in the HTTP client's pipeline.</summary>
    private IYclients Client(TimeSpan? timeout = null)
    {
        _services = RemoteApiServices.Build(new Dictionary<string, string?>
        {
            ["Yclients:ApiBaseUrl"] = _fake.BaseUrl, ["Yclients:PartnerToken"] = "PARTNER-SECRET", ["Yclients:MaxAttempts"] = "3",
            ["Yclients:MaxDelay"] = "00:00:01.5", ["Yclients:Timeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString(),
        }, _logs);
        return _services.GetRequiredService<IYclients>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_record_comes_back_with_its_attendance_and_service_asked_with_both_tokens(int attendance)
    {
        _fake.Then("101", 200, FakeYclients.Record("101", attendance, service: "Окрашивание"));
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "101", CancellationToken.None);
        Assert.Equal((YclientsOutcome.Found, (int?)attendance, false, "Окрашивание"), (record.Outcome, record.Attendance, record.Deleted, record.Service));
        var request = Assert.Single(_fake.Requests);
        Assert.Equal(("555", "101", "Bearer PARTNER-SECRET, User USER-SECRET", "application/vnd.yclients.v2+json"), request);
    }

    [Fact]
    public async Task An_unknown_record_is_not_found_after_one_request()
    {
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "404404", CancellationToken.None);
        Assert.Equal(YclientsOutcome.NotFound, record.Outcome);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_yclients_asks_for()
    {
        _fake.Then("7", 429, """{"success":false}""", retryAfter: "1");
        _fake.Then("7", 200, FakeYclients.Record("7", 1));
        var started = DateTimeOffset.UtcNow;
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "7", CancellationToken.None);
        Assert.Equal((YclientsOutcome.Found, (int?)1), (record.Outcome, record.Attendance));
        Assert.Equal(2, _fake.CountFor("7"));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_wait_longer_than_the_longest_wait_is_cut_to_it()
    {
        _fake.Then("11", 429, """{"success":false}""", retryAfter: "30");
        _fake.Then("11", 200, FakeYclients.Record("11", 1));
        var started = DateTimeOffset.UtcNow;
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "11", CancellationToken.None);
        Assert.Equal(YclientsOutcome.Found, record.Outcome);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_and_no_token_reaches_a_log()
    {
        _fake.Then("8", 503, "unavailable");
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "8", CancellationToken.None);
        Assert.Equal(YclientsOutcome.Failed, record.Outcome);
        Assert.Equal(3, _fake.CountFor("8"));
        Assert.Contains("503", record.Error);
        var everything = string.Join("\n", _logs.Lines) + record.Error;
        Assert.DoesNotContain("SECRET", everything);
        Assert.DoesNotContain(_fake.BaseUrl, everything);
        Assert.NotEmpty(_logs.Lines);
    }

    [Fact]
    public async Task A_refused_token_fails_at_once()
    {
        _fake.Then("9", 401, """{"success":false,"meta":{"message":"Unauthorized"}}""");
        var record = await Client().GetRecordAsync("555", "USER-SECRET", "9", CancellationToken.None);
        Assert.Equal(YclientsOutcome.Failed, record.Outcome);
        Assert.Equal(1, _fake.CountFor("9"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_fails_with_a_readable_reason()
    {
        _fake.Then("10", 200, FakeYclients.Record("10", 1), TimeSpan.FromSeconds(5));
        var record = await Client(TimeSpan.FromMilliseconds(300)).GetRecordAsync("555", "USER-SECRET", "10", CancellationToken.None);
        Assert.Equal(YclientsOutcome.Failed, record.Outcome);
        Assert.Contains("вовремя", record.Error);
        // The client gave up on the third attempt after 300 ms; a busy machine may register it at the server later still.
        for (var i = 0; i < 50 && _fake.CountFor("10") < 3; i++) await Task.Delay(100);
        Assert.Equal(3, _fake.CountFor("10"));
    }
}

/// <summary>Clock: 2026-11-23 09:00 UTC. One salon connected to YClients (a fake), one without credentials.</summary>
public sealed class VerifyBookingsFixture : AppFixture
{
    public const string Password = "Verify-pass-2026";
    public FakeYclients Yclients { get; private set; } = null!;
    public Guid Connected { get; private set; }
    public Guid Unconnected { get; private set; }

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
    {
        Yclients = new FakeYclients();
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Yclients:ApiBaseUrl"] = Yclients.BaseUrl, ["Yclients:PartnerToken"] = "PARTNER-SECRET",
            ["Yclients:MaxAttempts"] = "2", ["Yclients:MaxDelay"] = "00:00:00.1",
        });
    }

    protected override async Task SeedAsync()
    {
        Connected = await Db.Bot.TenantAsync("Салон с YClients", """{"yclients_company_id":"555","yclients_token":"USER-SECRET"}""");
        Unconnected = await Db.Bot.TenantAsync("Салон без YClients");
        var c = await Db.Bot.ClientAsync(Connected);
        var u = await Db.Bot.ClientAsync(Unconnected);
        var made = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero); // the 20th in Moscow
        var visit = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        await Db.Bot.SessionAsync(Connected, c, made, bookingId: "101", amount: 2000, bookingAt: visit);               // came
        await Db.Bot.SessionAsync(Connected, c, made.AddMinutes(1), bookingId: "102", amount: 3000, bookingAt: visit); // did not come
        await Db.Bot.SessionAsync(Connected, c, made.AddMinutes(2), bookingId: "103", amount: 1500, bookingAt: visit); // confirmed, not settled
        await Db.Bot.SessionAsync(Connected, c, made.AddMinutes(3), bookingId: "104", amount: 1000, bookingAt: visit); // unknown to YClients
        await Db.Bot.SessionAsync(Connected, c, made.AddMinutes(4), bookingId: "107", amount: 500, bookingAt: visit);  // YClients fails
        await Db.Bot.SessionAsync(Connected, c, made.AddMinutes(5), bookingId: "105", amount: 700, bookingAt: new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)); // not yet
        await Db.Bot.SessionAsync(Connected, c, new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.Zero), bookingId: "106", amount: 900,
            bookingAt: new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero)); // too long ago to ask
        await Db.Bot.SessionAsync(Unconnected, u, made, bookingId: "201", amount: 4000, bookingAt: visit);

        Yclients.Then("101", 200, FakeYclients.Record("101", 1));
        Yclients.Then("102", 200, FakeYclients.Record("102", -1));
        Yclients.Then("103", 200, FakeYclients.Record("103", 2));
        Yclients.Then("107", 500, "oops");

        await App.CreateUserAsync("admin@yclients.local", Password, Role.Admin, Connected);
        await App.CreateUserAsync("admin@offline.local", Password, Role.Admin, Unconnected);
        First = await VerifyAsync();
    }

    public VerificationResult First { get; private set; } = null!;

    public async Task<VerificationResult> VerifyAsync(Guid? tenant = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyBookings(tenant));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Yclients.DisposeAsync();
    }
}

/// <summary>The verification job: what it asks, what it records, what it leaves, and the attended figures it produces.</summary>
public sealed class VerifyBookingsTests(VerifyBookingsFixture fixture) : IClassFixture<VerifyBookingsFixture>
{
    [Fact]
    public async Task Past_bookings_of_the_last_14_days_are_recorded_as_yclients_reports_them_and_one_failure_stops_nothing()
    {
        var salon = fixture.First.Salons.Single(s => s.TenantId == fixture.Connected);
        Assert.Equal((true, 4, 3, 1), (salon.Connected, salon.Checked, salon.Settled, salon.Failed));
        Assert.Contains(salon.Errors, e => e.StartsWith("107: ", StringComparison.Ordinal) && e.Contains("500"));
        // 001 §4.6: attendance 1 came, 0 did not come, NULL not known; YClients' own visit status beside it. A no-show is not a cancellation.
        Assert.Equal("101 completed 1 1; 102 no_show 0 -1; 103 confirmed - 2; 104 cancelled - -", await fixture.Db.ScalarAsync<string>(
            $"SELECT string_agg(concat_ws(' ', external_id, status, coalesce(yclients_attendance::text, '-'), coalesce(yclients_visit_status::text, '-')), '; ' ORDER BY external_id) FROM dashboard.bookings WHERE tenant_id = '{fixture.Connected}'"));
        Assert.Equal("Стрижка", await fixture.Db.ScalarAsync<string>("SELECT service_code FROM dashboard.bookings WHERE external_id = '101'"));
        Assert.Equal("true", await fixture.Db.ScalarAsync<string>("SELECT verification_data->>'not_found' FROM dashboard.bookings WHERE external_id = '104'"));
        Assert.Equal(0, fixture.Yclients.CountFor("105") + fixture.Yclients.CountFor("106"));
    }

    [Fact]
    public async Task A_salon_without_credentials_is_skipped_with_a_visible_status()
    {
        var salon = fixture.First.Salons.Single(s => s.TenantId == fixture.Unconnected);
        Assert.False(salon.Connected);
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.bookings WHERE tenant_id = '{fixture.Unconnected}'"));
        Assert.DoesNotContain(fixture.Yclients.Requests, r => r.Record == "201");

        using var client = await fixture.App.SignedInAsync("admin@offline.local", VerifyBookingsFixture.Password);
        var html = await client.GetStringAsync("/?range=7d");
        Assert.Contains("data-testid=\"yclients-not-connected\"", html);
        Assert.DoesNotContain("data-testid=\"kpi-attended\"", html);
    }

    [Fact]
    public async Task Attended_bookings_no_shows_and_attended_revenue_reach_the_metrics_and_the_overview()
    {
        Assert.Equal("6 1 1 2000.00 8700.00", await fixture.Db.ScalarAsync<string>(
            $"SELECT concat_ws(' ', bookings, attended_bookings, no_show_bookings, attended_revenue, total_revenue) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Connected}' AND day = '2026-11-20'"));

        using var client = await fixture.App.SignedInAsync("admin@yclients.local", VerifyBookingsFixture.Password);
        var html = await client.GetStringAsync("/?range=7d");
        Assert.Contains("data-testid=\"kpi-attended\">1<", html);
        Assert.Contains("data-testid=\"kpi-no-show\">50,0&#xA0;%<", html);
        Assert.Contains("data-testid=\"kpi-attended-revenue\">2&#xA0;000&#xA0;₽<", html);
    }

    [Fact]
    public async Task Settled_records_are_not_asked_again_unsettled_and_failed_ones_are()
    {
        var before = fixture.Yclients.Requests.GroupBy(r => r.Record).ToDictionary(g => g.Key, g => g.Count());
        var again = await fixture.VerifyAsync(fixture.Connected);
        var after = fixture.Yclients.Requests.GroupBy(r => r.Record).ToDictionary(g => g.Key, g => g.Count());
        int Asked(string record) => after.GetValueOrDefault(record) - before.GetValueOrDefault(record);
        Assert.Equal((0, 0, 1, 0, 2), (Asked("101"), Asked("102"), Asked("103"), Asked("104"), Asked("107")));
        Assert.Equal(1, again.Salons.Single().Checked);
    }

    [Fact]
    public async Task The_per_salon_budget_bounds_the_requests_of_one_run()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ITenantContext>().ScopeToSystem(); // what the pipeline does for a system request
        var handler = new VerifyBookingsHandler(sp.GetRequiredService<IPublicData>(), sp.GetRequiredService<IDashboardDb>(), sp.GetRequiredService<IYclients>(), sp.GetRequiredService<YclientsConnection>(),
            sp.GetRequiredService<TenantTimeZones>(), sp.GetRequiredService<MetricsChunks>(), Options.Create(new YclientsOptions { RequestsPerSalon = 1 }),
            sp.GetRequiredService<DashboardMetrics>(), fixture.App.Clock);
        var result = await handler.Handle(new VerifyBookings(fixture.Connected), CancellationToken.None);
        var salon = result.Salons.Single();
        Assert.Equal(1, salon.Checked + salon.Failed);
        Assert.Equal(1, salon.Left); // of 103 and 107, still open
    }

    [Fact]
    public async Task The_cli_verb_reports_each_salon_and_refuses_bad_input()
    {
        var environment = new Dictionary<string, string> { ["Yclients__ApiBaseUrl"] = fixture.Yclients.BaseUrl, ["Yclients__PartnerToken"] = "PARTNER-SECRET" };
        var (code, output, error) = await Cli.RunAsync(fixture.Db, ["verify-bookings", "--tenant", fixture.Unconnected.ToString()], environment);
        Assert.True(code == 0, error);
        Assert.Contains("Салон без YClients: YClients не подключён", output);
        Assert.Contains("0 booking(s) checked in 0 connected salon(s) of 1", output);

        (code, _, error) = await Cli.RunAsync(fixture.Db, ["verify-bookings", "--tenant", Guid.NewGuid().ToString()], environment);
        Assert.Equal(2, code);
        Assert.Contains("no active salon", error);
        (code, _, error) = await Cli.RunAsync(fixture.Db, ["verify-bookings", "--from", "2026-11-20"], environment);
        Assert.Equal(64, code);
        Assert.Contains("both --from and --to", error);
        (code, _, error) = await Cli.RunAsync(fixture.Db, ["verify-bookings", "--from", "2026-11-20", "--to", "2026-11-01"], environment);
        Assert.Equal(2, code);
        Assert.Contains("is after", error);
        Assert.DoesNotContain("SECRET", output + error);
    }
}
