using System.Net;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>The app on Kestrel, which refuses a header value outside printable ASCII (the in-memory test server lets it through).</summary>
public sealed class KestrelSignInFixture : IAsyncLifetime
{
    public const string Password = "Kestrel-pass-2026";
    private TestDatabase _db = null!;
    public DashboardApp App { get; private set; } = null!;
    public TestDatabase Db => _db;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("kestrelsignin");
        App = new DashboardApp(_db);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var salon = await _db.Bot.TenantAsync("Салон «Кестрел»");
        await _db.SealPublicAsync();
        await App.CreateUserAsync("kestrel@test.local", Password, Role.Admin, salon);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _db.DisposeAsync();
    }
}

public sealed class KestrelSignInTests(KestrelSignInFixture fixture) : IClassFixture<KestrelSignInFixture>
{
    [Fact]
    public async Task A_return_address_with_a_character_a_header_cannot_carry_signs_in_and_lands_on_this_site()
    {
        // An ideographic space (U+3000): the cookie handler redirected to the raw ReturnUrl itself, and Kestrel answered
        // 500 after the session row and the "login" audit entry were written.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(fixture.BaseUrl) };
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/login");
        using var response = await client.PostAsync("/login?ReturnUrl=%2F%E3%80%80", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "kestrel@test.local", ["Password"] = KestrelSignInFixture.Password, ["RememberMe"] = "false", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%E3%80%80", response.Headers.Location!.OriginalString);
    }
}
