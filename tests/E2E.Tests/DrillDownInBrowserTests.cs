using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>A salon with a week of dialogs (a different number each day, drop-offs at every stage), its closed days collected.</summary>
public sealed class DrillDownBrowserFixture : IAsyncLifetime
{
    public const string Password = "Drill-browser-2026";
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("drill-e2e");
        _app = new DashboardApp(_db);
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var salon = await _db.Bot.TenantAsync("Салон «Клик»");
        var other = await _db.Bot.TenantAsync("Чужой салон");
        var client = await _db.Bot.ClientAsync(salon, "Вера Кликова");
        var stages = new[] { "", "service_selection", "staff_selection", "date_selection", "time_selection" };
        var now = _app.Clock.GetUtcNow(); // 2026-11-23 09:00 UTC, 12:00 in Moscow
        for (var day = 1; day <= 6; day++)
        for (var i = 0; i < 3 + day; i++)
        {
            var stage = stages[(day + i) % stages.Length];
            await _db.Bot.SessionAsync(salon, client, now.AddDays(-day).AddMinutes(-7 * i), status: stage == "" ? "done" : "dropped",
                bookingId: stage == "" ? $"YC-{day}-{i}" : null, amount: stage == "" ? 2000 : null,
                metaJson: stage == "" ? """{"services_mentioned": ["Стрижка"]}""" : $$"""{"drop_off_stage": "{{stage}}"}""");
        }
        await _db.Bot.SessionAsync(other, await _db.Bot.ClientAsync(other, "Чужая Клиентка"), now.AddDays(-3));
        await _db.SealPublicAsync();
        await _app.CreateUserAsync("drill@browser.local", Password, Role.Admin, salon);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 10), new(2026, 11, 22)));

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

/// <summary>Drill-down in Chromium: a click on a chart's bar opens the dialogs behind it, and the list counts as many as the bar drew.</summary>
public sealed class DrillDownInBrowserTests(DrillDownBrowserFixture fixture) : IClassFixture<DrillDownBrowserFixture>
{
    private async Task<IPage> OverviewAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("drill@browser.local");
        await page.GetByLabel("Пароль").FillAsync(DrillDownBrowserFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        await page.GotoAsync(fixture.BaseUrl + "/?from=2026-11-17&to=2026-11-23");
        return page;
    }

    /// <summary>Clicks the middle of bar <paramref name="index"/> of a chart's first dataset and returns the value it drew.</summary>
    private static async Task<long> ClickBarAsync(IPage page, string canvasId, int index)
    {
        // The click is in the viewport's coordinates: the chart in the middle of it first (the Overview is longer than a screen).
        var bar = await page.EvaluateAsync<double[]>("""
            ([id, i]) => {
              const canvas = document.getElementById(id);
              canvas.scrollIntoView({ block: "center", behavior: "instant" });
              const chart = Chart.getChart(canvas);
              const el = chart.getDatasetMeta(0).data[i];
              const box = canvas.getBoundingClientRect();
              const horizontal = chart.options.indexAxis === "y";
              const x = horizontal ? (el.x + el.base) / 2 : el.x;
              const y = horizontal ? el.y : (el.y + el.base) / 2;
              return [box.left + x, box.top + y, chart.data.datasets[0].data[i]];
            }
            """, new object[] { canvasId, index });
        await page.Mouse.ClickAsync((float)bar[0], (float)bar[1]);
        return (long)bar[2];
    }

    private static async Task<long> ListCountAsync(IPage page) =>
        long.Parse((await page.GetByTestId("sessions-count").GetAttributeAsync("data-count"))!);

    [Fact]
    public async Task A_click_on_a_days_bar_opens_that_days_dialogs_with_the_same_count()
    {
        var page = await OverviewAsync();
        var drawn = await ClickBarAsync(page, "chart-daily", 3); // the 20th
        await page.WaitForURLAsync(fixture.BaseUrl + "/sessions?from=2026-11-20&to=2026-11-20");

        Assert.Equal(6, drawn); // 3 + 3 dialogs three days ago
        Assert.Equal(drawn, await ListCountAsync(page));
        Assert.Equal((int)drawn, await page.GetByTestId("session-row").CountAsync());
        Assert.Equal(0, await page.GetByText("Чужая Клиентка").CountAsync());
    }

    [Fact]
    public async Task A_click_on_a_funnel_bar_opens_the_dialogs_that_got_past_that_step_with_the_same_count()
    {
        var page = await OverviewAsync();
        var drawn = await ClickBarAsync(page, "chart-funnel", 2); // got past choosing the staff member
        await page.WaitForURLAsync(fixture.BaseUrl + "/sessions?from=2026-11-17&to=2026-11-23&stage=past_staff_selection");

        Assert.True(drawn > 0);
        Assert.Equal(drawn, await ListCountAsync(page));
        Assert.Equal("past_staff_selection", await page.Locator("#f-stage").InputValueAsync()); // the filter form says what is shown
    }

    [Fact]
    public async Task The_table_under_each_chart_has_the_same_links_as_plain_anchors()
    {
        var page = await OverviewAsync();
        await page.Locator("details:has([data-testid=table-funnel]) summary").ClickAsync();
        var link = page.Locator("[data-testid=table-funnel] a[data-drill=funnel-5]");
        Assert.Equal("/sessions?from=2026-11-17&to=2026-11-23&booked=yes", await link.GetAttributeAsync("href"));
        var shown = long.Parse(await link.InnerTextAsync());
        await link.ClickAsync();
        await page.WaitForURLAsync("**/sessions?**booked=yes");
        Assert.Equal(shown, await ListCountAsync(page));
    }
}
