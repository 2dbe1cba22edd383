using AgentP.Application.Escalations;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>A salon with a week of dialogs, an alert, an escalation and a client due for a visit; a user of each role.</summary>
public sealed class JourneyFixture : IAsyncLifetime
{
    public const string Password = "Journey-pass-2026";
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    /// <summary>Screenshots of every page visited, for people to look at: artifacts/screenshots/journey in the repository (git-ignored).</summary>
    public string Screenshots { get; } = Path.Combine(PostgresServer.RepositoryRoot, "artifacts", "screenshots", "journey");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("journey");
        _app = new DashboardApp(_db);
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var now = _app.Clock.GetUtcNow(); // 2026-11-23 09:00 UTC
        var salon = await _db.Bot.TenantAsync("Салон «Маршрут»");
        var other = await _db.Bot.TenantAsync("Другой салон");
        var anna = await _db.Bot.ClientAsync(salon, "Анна Маршрутова", "+7 900 111-22-33");
        var boris = await _db.Bot.ClientAsync(salon, "Борис Ждущий", "+7 900 444-55-66");
        await _db.Bot.MemoryAsync(salon, anna, """{"last_visit_date": "2026-10-01", "avg_visit_interval": 21, "booking_stats": {"Мастер Оля": 3}}""");
        for (var d = 1; d <= 7; d++)
        {
            await _db.Bot.SessionAsync(salon, anna, now.AddDays(-d), bookingId: $"YC-{d}", amount: 1000 + d * 100,
                metaJson: """{"services_mentioned": ["Стрижка"], "sentiment": "positive"}""");
            await _db.Bot.SessionAsync(salon, boris, now.AddDays(-d).AddHours(1), status: "dropped", channel: "whatsapp",
                metaJson: """{"drop_off_stage": "date_selection", "sentiment": "negative"}""");
            await _db.Bot.SessionAsync(salon, boris, now.AddDays(-d).AddHours(2), status: "dropped");
        }
        for (var i = 0; i < 3; i++) await _db.Bot.SessionAsync(salon, boris, now.AddDays(-1).AddMinutes(10 + i), status: "dropped"); // 6 dialogs on the 22nd
        await _db.Bot.SessionAsync(salon, boris, now.AddHours(-3), status: "escalated", intent: "complaint", summary: "Просит перезвонить");
        await _db.Bot.SessionAsync(other, await _db.Bot.ClientAsync(other, "Чужой Клиент"), now.AddHours(-1));
        await _db.SealPublicAsync();

        await _app.CreateUserAsync("root@journey.local", Password, Role.SuperAdmin, null);
        await _app.CreateUserAsync("admin@journey.local", Password, Role.Admin, salon);
        await _app.CreateUserAsync("staff@journey.local", Password, Role.Staff, salon);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new CollectDailyMetrics(new(2026, 11, 10), new(2026, 11, 22))); // 5 of 6 dropped on the 22nd: an alert
            await mediator.Send(new SyncEscalations());
        }

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

/// <summary>
/// What a salon does in a day, in Chromium: every role signs in; the admin walks every page and acts on it. Each page is
/// checked for console errors and CSP violations and photographed into the test output.
/// </summary>
public sealed class JourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    private const string Password = JourneyFixture.Password;

    /// <summary>A page that records console errors and CSP violations (a listener added by the test, not by the app).</summary>
    private async Task<(IPage Page, List<string> Problems)> SignedInAsync(string email)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add("console: " + message.Text); };
        page.PageError += (_, error) => { lock (problems) problems.Add("page: " + error); };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return (page, problems);
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = true });

    [Theory]
    [InlineData("staff@journey.local", "staff", "Обзор,Диалоги,Лист ожидания,Клиенты,Удержание,Эскалации,Алерты")]
    [InlineData("admin@journey.local", "admin", "Обзор,Диалоги,Лист ожидания,Клиенты,Удержание,Эскалации,Алерты,Журнал,Пользователи,Настройки")]
    [InlineData("root@journey.local", "super_admin", "Обзор,Платформа,Диалоги,Лист ожидания,Клиенты,Удержание,Эскалации,Алерты,Журнал,Пользователи,Настройки")]
    public async Task Each_role_signs_in_to_its_own_menu_and_an_overview_with_charts(string email, string role, string menu)
    {
        var (page, problems) = await SignedInAsync(email);
        var items = await page.Locator("#nav .navbar-nav > li > a").AllInnerTextsAsync();
        Assert.Equal(menu, string.Join(",", items.Select(i => new string(i.TakeWhile(c => !char.IsDigit(c)).ToArray()).Trim())));
        if (role != "super_admin")
        {
            Assert.Equal(7, await page.Locator("canvas").CountAsync()); // days, conversion, funnel, services, channels, sentiment, intents
            // Chart.js drew on every canvas (a drawn canvas has a non-empty bitmap).
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('canvas')].every(c => c.width > 0 && c.toDataURL().length > 2000)"));
        }
        await ShotAsync(page, $"overview-{role}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync("**/login**");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_works_through_every_page()
    {
        var (page, problems) = await SignedInAsync("admin@journey.local");
        var url = fixture.BaseUrl;

        // Overview: another range, bookmarkable.
        await page.GetByRole(AriaRole.Link, new() { Name = "7 дней" }).ClickAsync();
        // The page writes its grouping into the address (history.replaceState), possibly before the load event: either
        // address is this range's.
        await page.WaitForURLAsync("**/?range=7d*");
        Assert.Equal("6", await page.GetByTestId("kpi-bookings").TextContentAsync()); // the 17th to the 23rd
        await ShotAsync(page, "overview-7d");

        // Sessions: filter, open a transcript.
        await page.GotoAsync(url + "/sessions");
        await page.GetByLabel("Статус").SelectOptionAsync("escalated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions?*status=escalated*");
        Assert.Equal(1, await page.GetByTestId("session-row").CountAsync());
        await ShotAsync(page, "sessions");
        await page.GetByTestId("session-link").ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await ShotAsync(page, "transcript");

        // Clients: search, the card, who is due for a visit.
        await page.GotoAsync(url + "/clients");
        await page.GetByLabel("Имя или телефон").FillAsync("111 22");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await page.WaitForURLAsync("**/clients?*q=111*");
        Assert.Equal(1, await page.GetByTestId("client-row").CountAsync());
        Assert.Contains("просрочено", await page.GetByTestId("client-row").InnerTextAsync());
        await ShotAsync(page, "clients");
        await page.GetByTestId("client-link").ClickAsync();
        await page.WaitForURLAsync("**/clients/*");
        Assert.Contains("Мастер Оля", await page.ContentAsync());
        await ShotAsync(page, "client-card");

        // Escalations: Boris waits; close his case with a reason.
        await page.GotoAsync(url + "/escalations");
        Assert.StartsWith("1\n", await page.GetByTestId("escalation-badge").InnerTextAsync()); // then the hidden "waiting" 
        await ShotAsync(page, "escalations");
        await page.GetByPlaceholder("Чем закончилось").FillAsync("Перезвонили, записали на пятницу");
        await page.GetByRole(AriaRole.Button, new() { Name = "Закрыть" }).ClickAsync();
        await page.GetByTestId("escalations-notice").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("escalation-badge").CountAsync());

        // Alerts: acknowledge the first one.
        await page.GotoAsync(url + "/alerts");
        var before = await page.GetByTestId("alert-row").CountAsync();
        Assert.True(before > 0);
        await ShotAsync(page, "alerts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отметить просмотренным" }).First.ClickAsync();
        await page.WaitForURLAsync("**/alerts");
        Assert.Equal(before - 1, await page.GetByTestId("alert-row").CountAsync());

        // Settings: a stricter conversion threshold.
        await page.GotoAsync(url + "/settings");
        await page.GetByLabel("Конверсия ниже, %").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.GetByTestId("settings-notice").WaitForAsync();
        Assert.Equal("25", await page.GetByLabel("Конверсия ниже, %").InputValueAsync());
        await ShotAsync(page, "settings");

        // Users: a new staff member.
        await page.GotoAsync(url + "/users");
        await page.GetByLabel("E-mail").FillAsync("new.staff@journey.local");
        await page.GetByLabel("Пароль (от 10 символов, буквы и цифры)").FillAsync("New-staff-2026");
        await page.Locator("#Form_FirstName").FillAsync("Вера");
        await page.Locator("#Form_Role").SelectOptionAsync("staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await page.GetByTestId("users-notice").WaitForAsync();
        Assert.Contains("new.staff@journey.local", await page.GetByTestId("users-table").InnerTextAsync());
        await ShotAsync(page, "users");

        // Audit: everything above is there.
        await page.GotoAsync(url + "/audit");
        var audit = await page.GetByTestId("audit-table").InnerTextAsync();
        foreach (var action in new[] { "Обращение закрыто", "Алерт просмотрен", "Изменение настроек", "Новый пользователь", "Вход" }) // names, not codes
            Assert.Contains(action, audit);
        await ShotAsync(page, "audit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync("**/login**");
        await page.GotoAsync(url + "/sessions");
        Assert.Contains("/login", page.Url);
        Assert.Empty(problems);
    }
}
