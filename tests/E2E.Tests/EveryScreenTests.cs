using AgentP.TestSupport;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>
/// The demo as build/run.sh serves it in Production (its data, its users, jobs running), signed in as a salon admin, as
/// super_admin with one salon picked and with «Все салоны».
/// </summary>
public sealed class EveryScreenFixture : IAsyncLifetime
{
    public const string Password = "Every-screen-2026";
    private TestDatabase _db = null!;
    private IPlaywright _playwright = null!;

    public DeployedApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Escalation cases in the inbox within 30 s of the start.</summary>
    public long CasesSoonAfterStart { get; private set; }

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("screens");
        await _db.LoadDemoDataAsync(new Dictionary<string, string> { ["days"] = "60", ["clients_per_salon"] = "200" });
        var lavanda = await _db.ScalarAsync<Guid>("SELECT id FROM public.tenants_v2 WHERE slug = 'lavanda'");
        await _db.SealPublicAsync();
        await CliAsync("create-user", "--email", "owner@agentp.local", "--password", Password, "--role", "super_admin", "--first-name", "Ольга", "--last-name", "Платонова");
        await CliAsync("create-user", "--email", "admin@lavanda.local", "--password", Password, "--role", "admin", "--tenant", lavanda.ToString(),
            "--first-name", "Вера", "--last-name", "Лаврова");
        var today = DateTime.UtcNow.Date;
        await CliAsync("collect-metrics", "--from", today.AddDays(-62).ToString("yyyy-MM-dd"), "--to", today.AddDays(-1).ToString("yyyy-MM-dd"));
        App = await DeployedApp.StartAsync(_db, new Dictionary<string, string> { ["Dashboard__RunJobs"] = "true" });
        // The demo has dialogs waiting for a person: a start syncs them into the inbox at once, not at the next 2-minute tick.
        for (var i = 0; i < 300 && CasesSoonAfterStart == 0; i++)
        {
            await Task.Delay(100);
            CasesSoonAfterStart = await _db.ScalarAsync<long>("SELECT count(*) FROM dashboard.conversations");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    private async Task CliAsync(params string[] args)
    {
        var (code, output, error) = await Cli.RunAsync(_db, args);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {output}{error}");
    }

    public async Task<IPage> SignedInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(App.BaseUrl + "/");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>
/// Every page, at a phone's and a desktop's width, for every role: nothing makes the document wider than the screen, and
/// no name in the header is cut while the header has room for it.
/// </summary>
public sealed class EveryScreenTests(EveryScreenFixture fixture) : IClassFixture<EveryScreenFixture>
{
    private static readonly int[] Widths = [360, 390, 768, 1280];

    private static readonly string[] Pages =
        ["/", "/sessions", "/wishlist", "/clients", "/retention", "/escalations", "/alerts", "/audit", "/users", "/settings", "/account/password"];

    [Fact]
    public void Right_after_a_start_the_inbox_holds_the_waiting_cases() => Assert.True(fixture.CasesSoonAfterStart > 0);

    [Fact]
    public Task Salon_admin() => WalkAsync("admin@lavanda.local", null);

    [Fact]
    public Task Super_admin_with_one_salon() => WalkAsync("owner@agentp.local", "Салон «Лаванда»");

    [Fact]
    public Task Super_admin_with_all_salons() => WalkAsync("owner@agentp.local", "Все салоны");

    private async Task WalkAsync(string email, string? salon)
    {
        var page = await fixture.SignedInAsync(email);
        if (salon is not null)
        {
            await page.SelectOptionAsync("#tenant-switch", new SelectOptionValue { Label = salon });
            await page.Locator(".tenant-switcher button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        var pages = salon is null ? Pages : [.. Pages, "/platform"];
        // A transcript too: the first dialog the list links to.
        await page.GotoAsync(fixture.App.BaseUrl + "/sessions");
        var transcript = await page.Locator("[data-testid=session-link]").First.GetAttributeAsync("href");
        if (transcript is not null) pages = [.. pages, transcript];

        var faults = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(fixture.App.BaseUrl + path);
                if (response is null || response.Status >= 400) { faults.Add($"{width} {path}: {response?.Status}"); continue; }
                var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (wide > width) faults.Add($"{width} {path}: the document is {wide} px wide");
                if (path == "/") faults.AddRange((await CutNamesAsync(page)).Select(cut => $"{width} {path}: {cut}"));
            }
        }
        Assert.True(faults.Count == 0, string.Join('\n', faults));
    }

    /// <summary>
    /// Names in the header cut short (the salon, the user, the salon picker's choice) while the header has room: on one
    /// line, the free space beside the menu is wider than what was cut; in the opened collapsed menu, the row has room.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CutNamesAsync(IPage page)
    {
        var toggler = page.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            await page.Locator("#nav.show").WaitForAsync();
            await page.WaitForFunctionAsync("() => !document.querySelector('#nav.collapsing')");
        }
        return await page.EvaluateAsync<string[]>("""
            () => {
              const cuts = [];
              const account = document.querySelector('.navbar-account');
              const collapse = document.querySelector('#nav');
              const width = el => el.getBoundingClientRect().width;
              // What a flex row has left on the line where its child stands.
              const rowFree = (row, child) => {
                const top = child.getBoundingClientRect().top;
                const line = [...row.children].filter(c => c.offsetParent !== null && Math.abs(c.getBoundingClientRect().top - top) < 10);
                const gap = parseFloat(getComputedStyle(row).columnGap) || 0;
                return width(row) - line.reduce((w, c) => w + width(c), 0) - gap * (line.length - 1);
              };
              const canvas = document.createElement('canvas').getContext('2d');
              const missing = el => {
                if (el.tagName === 'SELECT') {
                  const style = getComputedStyle(el);
                  canvas.font = style.font;
                  const text = canvas.measureText(el.options[el.selectedIndex].text).width;
                  return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) - el.clientWidth;
                }
                return el.scrollWidth - el.clientWidth;
              };
              for (const el of document.querySelectorAll('[data-testid=salon-name], [data-testid=user-name], #tenant-switch')) {
                const cut = missing(el);
                const free = rowFree(collapse, account) + rowFree(account, el.closest('.navbar-account > *'));
                if (cut > 1 && free > cut) cuts.push(`«${(el.tagName === 'SELECT' ? el.options[el.selectedIndex].text : el.textContent).trim().slice(0, 40)}» cut by ${Math.round(cut)} px with ${Math.round(free)} px free`);
              }
              const choose = document.querySelector('.tenant-switcher button');
              if (choose && choose.innerText.trim().length < 3) cuts.push(`the salon picker's button says «${choose.innerText.trim()}»`);
              return cuts;
            }
            """);
    }
}
