using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Tenant isolation against a warm cache, as production runs (the cache on, salons in three zones): whatever salons B
/// and C warmed is there when salon A's admin asks, and a job's cross-salon work never lends its answers to a page.
/// </summary>
public sealed class WarmCacheIsolationTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    private static readonly string[] OtherSalons = ["Студия «Бета»", "Мария Петрова", "Салон «Гамма»", "Ольга Смирнова"];

    [Fact]
    public async Task Every_page_of_salon_A_after_salons_B_and_C_shows_only_salon_A()
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var leaks = new List<string>();
        foreach (var page in SalonsFixture.WarmPages)
        {
            var body = await client.GetStringAsync(page);
            leaks.AddRange(OtherSalons.Where(body.Contains).Select(marker => $"{page}: {marker}"));
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Theory]
    [InlineData("/alerts?handler=export")]
    [InlineData("/escalations?handler=export")]
    [InlineData("/users?handler=export")]
    public async Task Salon_As_exports_after_salons_B_and_C_name_no_other_salon(string url)
    {
        // The salon directory holds every salon: an export names each row's salon from it, and must name only its own.
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var csv = await client.GetStringAsync(url);
        Assert.Empty(OtherSalons.Where(csv.Contains));
    }

    [Fact]
    public async Task Each_salon_counts_today_in_its_own_zone_whoever_asked_first()
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        var a = await fixture.App.SendAs(fixture.AdminA, new GetOverview("today"));
        var b = await fixture.App.SendAs(fixture.AdminB, new GetOverview("today"));
        var c = await fixture.App.SendAs(fixture.AdminC, new GetOverview("today"));
        Assert.Equal(("Europe/Moscow", new DateOnly(2026, 11, 23), 3L), (a.TimeZone, a.Today, a.Current.Dialogs));
        Assert.Equal(("Asia/Vladivostok", new DateOnly(2026, 11, 23), 5L), (b.TimeZone, b.Today, b.Current.Dialogs));
        // 01:00 on the 23rd in Los Angeles: its dialog of 23:00 the evening before is yesterday's.
        Assert.Equal(("America/Los_Angeles", new DateOnly(2026, 11, 23), 2L), (c.TimeZone, c.Today, c.Current.Dialogs));
    }
}

/// <summary>A job first, on a cold cache (its own fixture): its cross-salon reads never lend the pages an answer.</summary>
public sealed class JobBeforePagesTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task A_job_reading_every_salons_zone_leaves_no_default_zone_behind_for_the_pages()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectMissingMetrics());
        Assert.Equal("Asia/Vladivostok", (await fixture.App.SendAs(fixture.AdminB, new GetOverview("7d"))).TimeZone);
        Assert.Equal("America/Los_Angeles", (await fixture.App.SendAs(fixture.AdminC, new GetOverview("7d"))).TimeZone);
    }
}
