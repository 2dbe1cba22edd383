using Microsoft.Playwright;

namespace AgentP.E2E.Tests;

/// <summary>Debian's Chromium (installed by build/test.sh), with the flags this machine needs; no browser download.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run"],
    });

    /// <summary>
    /// Waits until htmx has no request, swap or settle under way. Content htmx swapped in is only wired up (its links and
    /// forms boosted) when it settles, 20 ms after the swap: a click in that window is an ordinary page load, or lost.
    /// </summary>
    public static Task HtmxIdleAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
}
