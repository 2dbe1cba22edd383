using AgentP.Domain.Common;
using AgentP.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>A salon with a long name and today's revenue of 136 200 ₽; a super_admin and a salon admin with long e-mails.</summary>
public sealed class LayoutFixture : IAsyncLifetime
{
    public const string Password = "Layout-pass-2026";
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("layout");
        _app = new DashboardApp(_db);
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var now = _app.Clock.GetUtcNow(); // 2026-11-23 09:00 UTC, 12:00 in Moscow
        var salon = await _db.Bot.TenantAsync("Студия красоты «Длинное название на Тверской»");
        await _db.Bot.TenantAsync("Beauty Lab на Тверской");
        var client = await _db.Bot.ClientAsync(salon, "Анна Длинноименная-Двойная", "+7 900 111-22-33");
        decimal[] amounts = [45_400, 45_400, 45_400]; // 136 200 ₽
        for (var i = 0; i < amounts.Length; i++)
            await _db.Bot.SessionAsync(salon, client, now.AddMinutes(-30 * (i + 1)), bookingId: $"YC-{i}", amount: amounts[i], intent: "booking",
                metaJson: """{"services_mentioned": ["окрашивание"], "sentiment": "positive", "staff_name": "Ирина"}""");
        for (var i = 0; i < 4; i++)
            await _db.Bot.SessionAsync(salon, client, now.AddHours(-3 - i), status: "dropped", channel: "whatsapp", intent: "consultation");
        // Waiting clients and open alerts: the menu carries their badges.
        for (var i = 0; i < 12; i++)
            await _db.Bot.SessionAsync(salon, await _db.Bot.ClientAsync(salon, $"Ждущая {i}"), now.AddHours(-1).AddMinutes(i), status: "escalated", intent: "complaint");
        await _db.SealPublicAsync();

        await _app.CreateUserAsync("platform.owner.with.a.long.address@agentp.local", Password, Role.SuperAdmin, null);
        await _app.CreateUserAsync("administrator.of.the.salon@dlinnoe-nazvanie.local", Password, Role.Admin, salon);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new AgentP.Application.Escalations.SyncEscalations());
            var db = scope.ServiceProvider.GetRequiredService<AgentP.Infrastructure.Data.DashboardDbContext>();
            for (var d = 1; d <= 3; d++)
                foreach (var kind in Enum.GetValues<AlertKind>())
                    db.Alerts.Add(new AgentP.Domain.Dashboard.Alert
                    {
                        TenantId = salon, Kind = kind, Day = new DateOnly(2026, 11, 22 - d), Description = "…", TriggeredAt = now, CreatedAt = now, UpdatedAt = now,
                    });
            await db.SaveChangesAsync();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task<IPage> SignedInAsync(string email, int width, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>The header, the money and the sessions list at the widths people use: a laptop (1280 px) and a phone (360 px).</summary>
public sealed class LayoutTests(LayoutFixture fixture) : IClassFixture<LayoutFixture>
{
    private const string Owner = "platform.owner.with.a.long.address@agentp.local";
    private const string Admin = "administrator.of.the.salon@dlinnoe-nazvanie.local";

    /// <summary>For people to look at: the test output's screenshots folder.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(Admin)]
    public async Task At_1280_px_the_menu_holds_on_one_line(string email)
    {
        var page = await fixture.SignedInAsync(email, 1280);
        await ShotAsync(page, $"layout-1280-{(email == Owner ? "owner" : "admin")}");
        var tops = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('#nav .navbar-nav > li')].map(li => li.offsetTop)");
        Assert.True(tops.Length >= 9, $"{tops.Length} menu items");
        Assert.Single(tops.Distinct());
        // Two rows at most: the salon, the user and "sign out" above the menu, each name whole.
        var height = await page.EvaluateAsync<double>("() => document.querySelector('nav.navbar').getBoundingClientRect().height");
        Assert.True(height < 100, $"header {height} px high");
        var cut = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=salon-name], [data-testid=user-name]')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)");
        Assert.Empty(cut);
        // …and all of it is on the screen: nothing runs past its right edge.
        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('nav.navbar *')].filter(e => e.offsetParent && e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + e.textContent.trim().slice(0, 30))");
        Assert.True(overflowing.Length == 0, string.Join(" | ", overflowing));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Below_it_the_menu_collapses_behind_its_button()
    {
        var page = await fixture.SignedInAsync(Owner, 1024);
        Assert.True(await page.Locator(".navbar-toggler").IsVisibleAsync());
        Assert.False(await page.Locator("#nav").IsVisibleAsync());
        await page.Locator(".navbar-toggler").ClickAsync();
        await page.Locator("#nav.show").WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Пользователи" }).IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1280)]
    public async Task Money_never_leaves_its_sign_on_a_line_of_its_own(int width)
    {
        var page = await fixture.SignedInAsync(Admin, width, 800);
        Assert.Equal("136\u00A0200\u00A0₽", (await page.GetByTestId("kpi-revenue").TextContentAsync())!.Trim());
        // Every ₽ is on the line of the digit before it, and no KPI value overflows its card.
        var broken = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (!n.parentElement.offsetParent) continue;
                for (let i = n.textContent.indexOf('₽'); i > 0; i = n.textContent.indexOf('₽', i + 1)) {
                  const digit = n.textContent.slice(0, i).search(/\d\D*$/);
                  if (digit < 0) continue;
                  const range = document.createRange();
                  range.setStart(n, digit);
                  range.setEnd(n, i + 1);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) out.push(n.textContent.trim());
                }
              }
              for (const v of document.querySelectorAll('.kpi-value'))
                if (v.scrollWidth > v.clientWidth + 1) out.push('overflow: ' + v.textContent.trim());
              return out;
            }
            """);
        Assert.True(broken.Length == 0, string.Join(" | ", broken));
        await ShotAsync(page, $"layout-overview-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_sessions_list_keeps_dates_on_one_line_and_hides_the_lesser_columns()
    {
        var page = await fixture.SignedInAsync(Admin, 360, 780);
        await page.GotoAsync(fixture.BaseUrl + "/sessions");
        var dateLines = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('[data-testid=session-link]')].map(a => new Set([...a.getClientRects()].map(r => Math.round(r.top))).size)");
        Assert.NotEmpty(dateLines);
        Assert.All(dateLines, lines => Assert.Equal(1, lines));
        // Each dialog a card; its cells named by their column.
        var visibleHeaders = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelector('[data-testid=sessions-table] tbody tr').children].filter(td => td.offsetParent).map(td => td.dataset.label)");
        Assert.Contains("Начало", visibleHeaders);
        Assert.Contains("Статус", visibleHeaders);
        Assert.DoesNotContain("Канал", visibleHeaders);
        Assert.DoesNotContain("Этап ухода", visibleHeaders);
        Assert.True(visibleHeaders.Length <= 5, string.Join(", ", visibleHeaders));
        await ShotAsync(page, "layout-sessions-360");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Chart_numbers_follow_the_ui_language_not_the_browsers()
    {
        // A browser set to English still gets Russian numbers on a Russian page (Chart.js reads <html lang>).
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync(Admin);
        await page.GetByLabel("Пароль").FillAsync(LayoutFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        Assert.Equal("ru", await page.EvaluateAsync<string>("() => Chart.defaults.locale"));
        Assert.Equal("136 200", (await page.EvaluateAsync<string>("() => new Intl.NumberFormat(Chart.defaults.locale).format(136200)")).Replace('\u00A0', ' '));
        // The services chart shows one measure on one axis.
        Assert.Equal(1, await page.EvaluateAsync<int>("() => Chart.getChart('chart-services').data.datasets.length"));
        await context.CloseAsync();
    }
}
