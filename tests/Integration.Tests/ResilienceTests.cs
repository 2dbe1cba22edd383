using Xunit.Abstractions;
using System.Net;
using AgentP.TestSupport;
using AgentP.Web.Hosting;
using Microsoft.Extensions.Configuration;

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
    /// <summary>The reverse proxy's address: the test client's own, inside the configured network.</summary>
    public static readonly string Proxy = DashboardApp.ClientAddress.ToString();

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Dashboard:TrustForwardedHeaders"] = "true", ["Dashboard:TrustedProxies"] = "192.0.2.1, 203.0.113.0/24",
            ["Dashboard:SignInsPerMinute"] = "20",
        });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон за прокси");
        await App.CreateUserAsync("proxy@test.local", "Proxy-pass-2026", AgentP.Domain.Common.Role.Admin, salon);
    }
}

/// <summary>Behind a trusted reverse proxy: the client's address is audited and HTTPS gets HSTS and a Secure cookie; nobody else is believed.</summary>
public sealed class ProxyTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Forwarded_address_and_scheme_are_honoured()
    {
        // Cookies by hand: the test speaks plain HTTP to the app, so a cookie container would keep the Secure ones back.
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://dashboard.test") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.55");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync("/login");
        Assert.StartsWith("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single()); // HSTS is never sent for localhost
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery"));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "proxy@test.local", ["Password"] = "Proxy-pass-2026",
                ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(
                    System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("agentp.auth=")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'login' AND ip_address = '192.0.2.55'"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_configured_proxy_is_not_believed()
    {
        using var client = fixture.App.Browser();
        client.BaseAddress = new Uri("http://dashboard.test");
        client.DefaultRequestHeaders.Add("X-Test-Client-Ip", "198.51.100.77"); // outside 203.0.113.0/24
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.False((await client.GetAsync("/login")).Headers.Contains("Strict-Transport-Security"));

        // A fresh X-Forwarded-For per attempt neither renews the per-address allowance nor lands in the audit.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{100 + i}");
            statuses.Add((await DashboardApp.PostLoginAsync(client, "spoof@test.local", "wrong-password-1")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(20L, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM dashboard.audits WHERE metadata->>'email' = 'spoof@test.local' AND ip_address = '198.51.100.77'"));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts_and_no_secure_cookie()
    {
        using var client = fixture.App.Browser();
        client.BaseAddress = new Uri("http://dashboard.test");
        Assert.False((await client.GetAsync("/login")).Headers.Contains("Strict-Transport-Security"));
        var signedIn = await DashboardApp.PostLoginAsync(client, "proxy@test.local", "Proxy-pass-2026");
        Assert.DoesNotContain("; secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("agentp.auth=")), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class DefaultProxyFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["Dashboard:TrustForwardedHeaders"] = "true" });
}

/// <summary>Forwarded headers switched on without naming a proxy: only loopback is believed.</summary>
public sealed class DefaultProxyTests(DefaultProxyFixture fixture) : IClassFixture<DefaultProxyFixture>
{
    [Fact]
    public async Task Only_loopback_is_a_proxy_by_default()
    {
        using var remote = fixture.App.Browser();
        remote.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.56");
        await DashboardApp.PostLoginAsync(remote, "remote@test.local", "wrong-password-1");

        using var local = fixture.App.Browser();
        local.DefaultRequestHeaders.Add("X-Test-Client-Ip", "127.0.0.1");
        local.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.57");
        await DashboardApp.PostLoginAsync(local, "local@test.local", "wrong-password-1");

        Assert.Equal("203.0.113.7", await fixture.Db.ScalarAsync<string>("SELECT ip_address FROM dashboard.audits WHERE metadata->>'email' = 'remote@test.local'"));
        Assert.Equal("192.0.2.57", await fixture.Db.ScalarAsync<string>("SELECT ip_address FROM dashboard.audits WHERE metadata->>'email' = 'local@test.local'"));
    }

    [Fact]
    public void Trusted_proxies_are_a_list_or_an_array_and_a_wrong_entry_is_named()
    {
        static IConfiguration Config(params (string, string)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).Build();

        Assert.Equal(["10.0.0.5/32", "10.1.0.0/16"], TrustedProxies.Read(Config(("Dashboard:TrustedProxies", "10.0.0.5, 10.1.0.0/16"))).Select(n => n.ToString()));
        Assert.Equal(["10.0.0.5/32", "fd00::/8"], TrustedProxies.Read(Config(("Dashboard:TrustedProxies:0", "10.0.0.5"), ("Dashboard:TrustedProxies:1", "fd00::/8"))).Select(n => n.ToString()));
        Assert.Empty(TrustedProxies.Read(Config()));
        Assert.Contains("'proxy.local'", Assert.Throws<InvalidOperationException>(() => TrustedProxies.Read(Config(("Dashboard:TrustedProxies", "proxy.local")))).Message);
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
        // The sessions list reads the database on every request (the Overview may be served from the cache meanwhile).
        var during = await signedIn.GetAsync("/sessions");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await signedIn.GetAsync("/health/ready")).StatusCode);

        fixture.Database.Start();
        // A broken pooled connection may still fail a request; the pool must heal within seconds, without a restart.
        var back = System.Diagnostics.Stopwatch.StartNew();
        var last = HttpStatusCode.ServiceUnavailable;
        while (last != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(10))
        {
            last = (await signedIn.GetAsync("/sessions")).StatusCode;
            if (last != HttpStatusCode.OK) await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.OK, last);
        output.WriteLine($"Serving again {back.ElapsedMilliseconds} ms after PostgreSQL came back.");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/health/ready")).StatusCode);
        Assert.Contains("Перезапуск", await (await signedIn.GetAsync("/")).Content.ReadAsStringAsync());
    }
}
