using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>The Overview in Chromium: the grouping written into the address, today's figures polled only while the tab is visible.</summary>
public sealed class OverviewLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("browser@test.local");
        await page.GetByLabel("Пароль").FillAsync(BrowserFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    [Fact]
    public async Task A_range_without_a_grouping_gets_the_chosen_one_in_the_address()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/?range=90d");
        await page.WaitForFunctionAsync("() => location.search === '?range=90d&group=week'");
        Assert.Equal("Диалоги и записи по неделям", await page.Locator("#chart-daily-title").TextContentAsync());
    }

    [Fact]
    public async Task Todays_figures_are_fetched_again_when_the_tab_shows_and_not_while_it_is_hidden()
    {
        var page = await SignedInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/?range=7d&group=day");
        Assert.Equal("2", await page.GetByTestId("today-dialogs").TextContentAsync());
        var requests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("handler=today")) requests.Add(r.Url); };

        // Hidden: the poll (here the visibility event itself) is held back.
        await page.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }); document.dispatchEvent(new Event('visibilitychange')); }");
        await page.WaitForTimeoutAsync(1000);
        Assert.Empty(requests);

        // Visible again: asked at once, and only the fragment is swapped.
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=kpi-dialogs]').dataset.marker = 'kept'; }");
        var response = page.WaitForResponseAsync(r => r.Url.Contains("handler=today"));
        await page.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' }); document.dispatchEvent(new Event('visibilitychange')); }");
        Assert.Equal(200, (await response).Status);
        await page.WaitForFunctionAsync("() => document.querySelector('#overview-today.htmx-settling') === null");
        Assert.Equal("2", await page.GetByTestId("today-dialogs").TextContentAsync());
        Assert.Equal("kept", await page.Locator("[data-testid=kpi-dialogs]").GetAttributeAsync("data-marker")); // the page did not reload
    }
}
