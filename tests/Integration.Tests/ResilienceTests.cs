using Xunit.Abstractions;
using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class RateLimitFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Dashboard:SignInsPerMinute"] = "20", ["Dashboard:ExportsPerMinute"] = "3",
        });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Лимиты»");
        await App.CreateUserAsync("limits@test.local", "Limits-pass-2026", AgentP.Domain.Common.Role.Admin, salon);
        await App.CreateUserAsync("routes@test.local", "Limits-pass-2026", AgentP.Domain.Common.Role.Admin, salon);
    }
}

/// <summary>Abuse limits: sign-in POSTs per address, exports per user, request size.</summary>
public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    [Fact]
    public async Task The_21st_sign_in_attempt_in_a_minute_gets_a_readable_429()
    {
        using var client = fixture.App.Browser();
        client.DefaultRequestHeaders.Add("X-Test-Client-Ip", "198.51.100.21"); // an address of its own
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++) statuses.Add((await DashboardApp.PostLoginAsync(client, $"nobody{i}@test.local", "wrong-password-1")).StatusCode);
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        var limited = await DashboardApp.PostLoginAsync(client, "nobody@test.local", "wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Слишком много запросов", await limited.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("198.51.100.31", "/login/")]
    [InlineData("198.51.100.32", "/Login")]
    [InlineData("198.51.100.33", "/LOGIN/")]
    public async Task Every_route_to_the_sign_in_form_counts_against_the_same_limit(string address, string path)
    {
        using var client = fixture.App.Browser();
        client.DefaultRequestHeaders.Add("X-Test-Client-Ip", address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
            statuses.Add((await DashboardApp.PostLoginAsync(client, $"nobody{i}@test.local", "wrong-password-1", path: i % 2 == 0 ? path : "/login")).StatusCode);
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Every_route_to_an_export_counts_against_the_same_limit_and_other_handlers_do_not()
    {
        using var signedIn = await fixture.App.SignedInAsync("routes@test.local", "Limits-pass-2026");
        var codes = new List<HttpStatusCode>();
        // Razor Pages runs the first "handler" value, ignores the path's case and a trailing slash.
        foreach (var path in new[] { "/sessions/export/", "/SESSIONS/EXPORT", "/clients?handler=export&handler=other", "/overview?handler=EXPORT" })
            codes.Add((await signedIn.GetAsync(path)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/clients")).StatusCode);
    }

    [Fact]
    public async Task Exports_are_limited_per_user()
    {
        using var signedIn = await fixture.App.SignedInAsync("limits@test.local", "Limits-pass-2026");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) codes.Add((await signedIn.GetAsync("/sessions/export")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task A_body_over_1_MB_is_refused_with_413()
    {
        using var client = fixture.App.Browser();
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = new string('a', 1_100_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

public sealed class DatabaseOutageFixture : AppFixture
{
    // The app points at a port nothing listens on: the database is "away" for the whole class.
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["ConnectionStrings:Dashboard"] = "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none;Timeout=2",
        });
}

public sealed class DatabaseOutageTests(DatabaseOutageFixture fixture) : IClassFixture<DatabaseOutageFixture>
{
    [Fact]
    public async Task Pages_answer_a_friendly_503_quickly_and_health_ready_says_so()
    {
        using var client = fixture.App.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        // Even the sign-in form needs the database here (its anti-forgery keys live in dashboard.data_protection_keys).
        var started = DateTimeOffset.UtcNow;
        var response = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Сервис временно недоступен", await response.Content.ReadAsStringAsync());
        Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}

public sealed class ProxyFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["Dashboard:TrustForwardedHeaders"] = "true" });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон за прокси");
        await App.CreateUserAsync("proxy@test.local", "Proxy-pass-2026", AgentP.Domain.Common.Role.Admin, salon);
    }
}

/// <summary>Behind a trusted reverse proxy: the client's address is audited and HTTPS gets HSTS.</summary>
public sealed class ProxyTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Forwarded_address_and_scheme_are_honoured()
    {
        using var client = fixture.App.Browser();
        client.BaseAddress = new Uri("http://dashboard.test"); // HSTS is never sent for localhost
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.55");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await client.GetAsync("/login");
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());

        await DashboardApp.PostLoginAsync(client, "proxy@test.local", "Proxy-pass-2026");
        Assert.Equal("192.0.2.55", await fixture.Db.ScalarAsync<string>("SELECT ip_address FROM dashboard.audits WHERE action = 'login'"));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts()
    {
        using var client = fixture.App.Browser();
        client.BaseAddress = new Uri("http://dashboard.test");
        Assert.False((await client.GetAsync("/login")).Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class DatabaseRecoveryFixture : AppFixture
{
    public TcpProxy Database { get; private set; } = null!;

    // The app reaches PostgreSQL through a relay the test can cut; the shared cluster keeps running for other classes.
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
    {
        var direct = new Npgsql.NpgsqlConnectionStringBuilder(Db.AppConnectionString);
        Database = new TcpProxy(direct.Host!, direct.Port);
        Database.Start();
        var relayed = new Npgsql.NpgsqlConnectionStringBuilder(Db.AppConnectionString) { Port = Database.Port, Timeout = 2 };
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["ConnectionStrings:Dashboard"] = relayed.ConnectionString });
    }

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Перезапуск»");
        await App.CreateUserAsync("recovery@test.local", "Recovery-pass-2026", AgentP.Domain.Common.Role.Admin, salon);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class DatabaseRecoveryTests(DatabaseRecoveryFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseRecoveryFixture>
{
    [Fact]
    public async Task After_an_outage_the_app_serves_again_without_a_restart_and_the_session_survives()
    {
        using var signedIn = await fixture.App.SignedInAsync("recovery@test.local", "Recovery-pass-2026");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);

        fixture.Database.Cut(); // pooled connections die mid-life, new ones are refused
        var during = await signedIn.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await signedIn.GetAsync("/health/ready")).StatusCode);

        fixture.Database.Start();
        // A broken pooled connection may still fail a request; the pool must heal within seconds, without a restart.
        var back = System.Diagnostics.Stopwatch.StartNew();
        var last = HttpStatusCode.ServiceUnavailable;
        while (last != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(10))
        {
            last = (await signedIn.GetAsync("/")).StatusCode;
            if (last != HttpStatusCode.OK) await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.OK, last);
        output.WriteLine($"Serving again {back.ElapsedMilliseconds} ms after PostgreSQL came back.");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/health/ready")).StatusCode);
        Assert.Contains("Перезапуск", await (await signedIn.GetAsync("/")).Content.ReadAsStringAsync());
    }
}
