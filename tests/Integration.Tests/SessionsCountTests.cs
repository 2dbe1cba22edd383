using System.Text.RegularExpressions;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// The sessions list says how many dialogs it found with or without dates: exactly within a report's range, and up to
/// <c>GetSessions.CountCap</c> otherwise (bounded whatever the history) — each salon its own, the owner's all-salons view every salon's.
/// </summary>
public sealed class SessionsCountTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Theory]
    [InlineData("admin-a@test.local", "/sessions", 4)]
    [InlineData("admin-b@test.local", "/sessions", 5)]
    [InlineData("admin-c@test.local", "/sessions", 3)]
    [InlineData("root@test.local", "/sessions", 12)]
    [InlineData("admin-a@test.local", "/sessions?status=dropped", 1)]
    [InlineData("admin-a@test.local", "/sessions?from=2026-11-23", 3)] // one end only: still counted
    [InlineData("admin-a@test.local", "/sessions?from=2026-11-22&to=2026-11-23", 4)]
    public async Task The_list_counts_what_it_found_without_both_dates_too(string email, string url, int dialogs)
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync(); // a count another salon's pages left behind is never this one's
        using var client = await fixture.App.SignedInAsync(email, SalonsFixture.Password);
        var html = await client.GetStringAsync(url);
        var count = Regex.Match(html, "data-testid=\"sessions-count\" data-count=\"(\\d+)\"");
        Assert.True(count.Success, "the list says how many it found");
        Assert.Equal(dialogs, int.Parse(count.Groups[1].Value));
        Assert.Contains($"Найдено диалогов: {dialogs}<", html);
    }
}
