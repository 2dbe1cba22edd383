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
        await _db.Bot.MemoryAsync(salon, client, """{"last_visit_date": "2026-10-01", "avg_visit_interval": 21}"""); // due for a visit
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

    private async Task<IPage> SignedInAsync()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("browser@test.local");
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

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
        var page = await SignedInAsync();
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
        await page.EvaluateAsync("window.sameDocument = true"); // gone if anything below reloads the page
        // Applying to nothing: the app's message in place of the list, not a silent no-op.
        await page.GetByRole(AriaRole.Button, new() { Name = "Применить" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Выберите хотя бы одну заявку.");
        await page.GotoAsync(BaseUrl + "/wishlist");
        await page.EvaluateAsync("window.sameDocument = true");
        var row = page.GetByTestId("wishlist-row");
        await row.GetByRole(AriaRole.Combobox, new() { Name = "Решение" }).SelectOptionAsync("converted");
        await row.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await page.GetByTestId("wishlist-notice").WaitForAsync();
        await page.HtmxIdleAsync();
        Assert.Equal(0, await page.GetByTestId("wishlist-row").CountAsync()); // no longer pending
        Assert.Equal("0", (await page.GetByTestId("count-pending").Locator(".badge").TextContentAsync())!.Trim());
        // The status chosen by its tab is kept by the filter form, which htmx swapped along.
        await page.GetByTestId("count-converted").ClickAsync();
        await page.WaitForURLAsync("**/wishlist?*status=converted*");
        Assert.Equal("Записан", await page.GetByTestId("wishlist-status").TextContentAsync());
        // The filter form is swapped out of band after the URL changes: act on the new one, not the one on its way out.
        await Assertions.Expect(page.Locator("#wishlist-filter input[name=status]")).ToHaveValueAsync("converted");
        await page.HtmxIdleAsync();
        await page.GetByLabel("Тип").SelectOptionAsync("service");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.WaitForURLAsync("**/wishlist?*type=service*");
        Assert.Contains("status=converted", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"));
    }

    [Fact]
    public async Task A_refused_filter_shows_its_message_in_place_and_a_slow_one_dims_the_results()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(BaseUrl + "/sessions");
        // "по" before "с": the server answers 400 with the message in the results, which htmx must still show.
        await page.GetByLabel("с", new() { Exact = true }).FillAsync("2026-11-20");
        await page.GetByLabel("по", new() { Exact = true }).FillAsync("2026-11-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.GetByTestId("sessions-error").WaitForAsync();
        Assert.Contains("Дата «по» раньше даты «с».", await page.GetByTestId("sessions-error").TextContentAsync());

        // While an answer is on its way the results are marked busy (and dimmed by the stylesheet).
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/sessions?*", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GetByLabel("с", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("по", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sessions-results")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("htmx-request"));
        await Assertions.Expect(page.Locator("#sessions-results")).ToHaveCSSAsync("opacity", "0.5");
        Assert.Equal("true", await page.Locator("#sessions-results").GetAttributeAsync("aria-busy"));
        release.SetResult();
        await page.GetByTestId("sessions-table").WaitForAsync();
        Assert.Equal(2, await page.GetByTestId("session-row").CountAsync());
    }

    [Fact]
    public async Task A_search_updates_the_due_count_and_a_failed_partial_answer_falls_back_to_the_whole_page()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(BaseUrl + "/clients");
        Assert.Equal("Пора на визит: 1", await page.GetByTestId("due-count").TextContentAsync());
        // A search swaps the results and the count of who is due among them, not the results alone.
        await page.GetByRole(AriaRole.Searchbox).FillAsync("Нет такого");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("due-count")).ToHaveTextAsync("Пора на визит: 0");

        // The database is away for htmx's request only (say): the user gets the page itself, not a silent no-op.
        await page.RouteAsync("**/clients?*", async route =>
        {
            if (route.Request.Headers.ContainsKey("hx-request"))
                await route.FulfillAsync(new() { Status = 503, Body = "unavailable" });
            else
                await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Searchbox).FillAsync("Клиент");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        var search = new System.Text.RegularExpressions.Regex("/clients\\?q=%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82");
        await page.WaitForURLAsync(search);
        await page.Locator("#clients-results").WaitForAsync();
        // A navigation of its own (htmx's history push makes none).
        Assert.Matches(search, await page.EvaluateAsync<string>("performance.getEntriesByType('navigation')[0].name"));
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
