using AgentP.TestSupport;
using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>
/// A browser asks for every asset with Accept-Encoding: gzip, br. The app run as deployed (Production) must answer with
/// the file (compressed or not), never an empty 200: Chromium drops an empty stylesheet and script, and every page is
/// unstyled, without charts and without htmx.
/// </summary>
public sealed class ProductionAssetsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DeployedApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("assets");
        _app = await DeployedApp.StartAsync(_db);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task Stylesheets_and_scripts_reach_the_browser()
    {
        var page = await _browser.NewPageAsync();
        var empty = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/lib/") || response.Url.Contains("/css/") || response.Url.Contains("/js/"))
                if (response.Headers.TryGetValue("content-length", out var length) && length == "0") empty.Add(response.Url);
        };
        await page.GotoAsync(_app.BaseUrl + "/login");

        Assert.Empty(empty);
        // Bootstrap's stylesheet applied (its .btn-primary colour) and its script ran.
        Assert.Equal("rgb(13, 110, 253)", await page.EvalOnSelectorAsync<string>(".btn-primary", "b => getComputedStyle(b).backgroundColor"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.bootstrap === 'object'"));

        // The way every browser asks, straight from the wire: a body and a type.
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        foreach (var asset in new[] { "/lib/bootstrap/bootstrap.min.css", "/lib/htmx/htmx.min.js", "/lib/chart.js/chart.umd.min.js", "/css/site.css" })
        {
            var response = await http.GetAsync(_app.BaseUrl + asset);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Length > 100, $"{asset}: {body.Length} characters, {response.Content.Headers.ContentType}");
            Assert.NotNull(response.Content.Headers.ContentType);
        }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}
