using AgentP.Domain.Common;
using AgentP.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>The real app on Kestrel (127.0.0.1), real PostgreSQL, Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "Browser-pass-2026";
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("e2e");
        _app = new DashboardApp(_db);
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var salon = await _db.Bot.TenantAsync("Салон «Браузер»");
        var client = await _db.Bot.ClientAsync(salon);
        var now = _app.Clock.GetUtcNow();
        await _db.Bot.SessionAsync(salon, client, now.AddHours(-1), bookingId: "YC-E2E", amount: 1500);
        var dropped = Guid.NewGuid();
        await _db.Bot.SessionAsync(salon, client, now.AddHours(-2), status: "dropped", sessionId: dropped, metaJson: """{"drop_off_stage": "time_selection"}""");
        await _db.Bot.MessageAsync(salon, client, dropped, "user", now.AddHours(-2), "Есть окно в субботу?");
        await _db.Bot.MessageAsync(salon, client, dropped, "assistant", now.AddHours(-2).AddSeconds(3), "Есть: 12:00 и 15:30.");
        await _db.Bot.WishlistAsync(salon, client, now.AddDays(-1), metaJson: """{"service_title": "Маникюр"}""");
        await _db.SealPublicAsync();
        await _app.CreateUserAsync("browser@test.local", Password, Role.Admin, salon);

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}

public sealed class SignInInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = BrowserFixture.Password;
    private IBrowser Browser => fixture.Browser;
    private string BaseUrl => fixture.BaseUrl;

    [Fact]
    public async Task A_salon_admin_signs_in_and_sees_the_salon()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        Assert.EndsWith("/login?ReturnUrl=%2F", page.Url);

        await page.GetByLabel("E-mail").FillAsync("browser@test.local");
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        await page.WaitForURLAsync(BaseUrl + "/");
        Assert.Equal("Салон «Браузер»", await page.GetByTestId("salon-name").TextContentAsync());
        Assert.Equal("Салон «Браузер»", await page.GetByTestId("overview-salon").TextContentAsync());
        Assert.Equal("1", await page.GetByTestId("kpi-bookings").TextContentAsync());
        Assert.Equal("2", await page.GetByTestId("kpi-dialogs").TextContentAsync());
        // Bootstrap came from npm through the build: the navbar is styled, not a bare list.
        Assert.Equal("flex", await page.Locator("nav.navbar").EvaluateAsync<string>("e => getComputedStyle(e).display"));
    }

    [Fact]
    public async Task Staff_filter_dialogs_open_a_transcript_and_decide_a_wishlist_item()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("browser@test.local");
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(BaseUrl + "/");

        await page.GotoAsync(BaseUrl + "/sessions");
        Assert.Equal(2, await page.GetByTestId("session-row").CountAsync());
        await page.GetByLabel("Статус").SelectOptionAsync("dropped");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions?*status=dropped*"); // htmx swapped the results and pushed the URL
        Assert.Equal(1, await page.GetByTestId("session-row").CountAsync());

        await page.GetByTestId("session-link").ClickAsync();
        await page.GetByTestId("transcript").WaitForAsync();
        Assert.Equal(["Есть окно в субботу?", "Есть: 12:00 и 15:30."], await page.GetByTestId("message-text").AllTextContentsAsync());
        Assert.Contains("3,0", await page.GetByTestId("response-time").TextContentAsync());

        await page.GotoAsync(BaseUrl + "/wishlist");
        var row = page.GetByTestId("wishlist-row");
        await row.GetByRole(AriaRole.Combobox, new() { Name = "Решение" }).SelectOptionAsync("converted");
        await row.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await page.GetByTestId("wishlist-notice").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("wishlist-row").CountAsync()); // no longer pending
        await page.GotoAsync(BaseUrl + "/wishlist?status=converted");
        Assert.Equal("Записан", await page.GetByTestId("wishlist-status").TextContentAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_message_on_the_form()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("browser@test.local");
        await page.GetByLabel("Пароль").FillAsync("not-the-password-1");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("login-error").WaitForAsync();
        Assert.Contains("Неверный e-mail или пароль.", await page.GetByTestId("login-error").TextContentAsync());
    }
}
