using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>The three salons with alerts and escalation cases of their own, for the exports of the lists.</summary>
public sealed class ListExportsFixture : SalonsFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        foreach (var (salon, alerts, cases) in new[] { (SalonA, 3, 2), (SalonB, 2, 4), (SalonC, 1, 1) })
        {
            for (var i = 0; i < alerts; i++)
                await Db.ExecuteAsync($"""
                    INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
                    VALUES ('{salon}', 'low_conversion', 'warning', date '2026-11-20' - {i}, 15, 5, 'Конверсия 5,0 %', now(), now(), now())
                    """);
            for (var i = 0; i < cases; i++)
                await Db.ExecuteAsync($"""
                    INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, waiting_since, reopen_count, created_at, updated_at)
                    VALUES ('{salon}', '{Guid.NewGuid()}', 'active', true, now(), now(), 0, now(), now())
                    """);
        }
    }
}

/// <summary>
/// Alerts, escalations, users and the Platform page as CSV: the page's rows in the page's conventions (UTF-8 BOM, `;`),
/// audited, and only the caller's salon, with a warm cache from the other salons.
/// </summary>
public sealed class ListExportsTests(ListExportsFixture fixture) : IClassFixture<ListExportsFixture>
{
    [Theory]
    [InlineData("/alerts?handler=export&state=all", "alerts", 3, "salon")]
    [InlineData("/escalations?handler=export&state=all", "escalations", 2, "salon")]
    [InlineData("/users?handler=export", "users", 2, "salon")]
    public async Task A_salon_admin_exports_the_salons_rows_only(string url, string what, int rows, string salonColumn)
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var before = await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = '{what}'");

        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var records = Csv.Records(System.Text.Encoding.UTF8.GetString(bytes));
        var salon = Array.IndexOf(records[0], salonColumn);
        Assert.Equal(rows, records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal("Салон «Альфа»", r[salon]));
        Assert.Equal(before + 1, await fixture.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = '{what}' AND metadata->>'rows' = '{rows}'"));
    }

    [Fact]
    public async Task The_export_follows_the_lists_filter()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        await client.GetAsync("/alerts"); // nothing acknowledged: every alert is open
        Assert.Equal(2, Csv.Records(await client.GetStringAsync("/alerts?handler=export&state=open&from=2026-11-19")).Count - 1);
        Assert.Single(Csv.Records(await client.GetStringAsync("/escalations?handler=export&state=resolved")));
        using var bad = await client.GetAsync("/alerts?handler=export&kind=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Неизвестный вид алерта.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_platform_export_is_the_platform_owners_one_row_per_salon_in_the_pages_order()
    {
        using var root = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        var page = await root.GetStringAsync("/platform?range=today&sort=name&dir=asc");
        Assert.Contains("/platform?handler=export&amp;range=today&amp;sort=name&amp;dir=asc", page);
        using var response = await root.GetAsync("/platform?handler=export&range=today&sort=name&dir=asc");
        var records = Csv.Records(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Салон «Альфа»", "Салон «Гамма»", "Студия «Бета»"], records.Skip(1).Select(r => r[0]));
        Assert.Equal("platform-2026-11-23-2026-11-23.csv", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        using var refused = await admin.GetAsync("/platform?handler=export&range=today");
        Assert.Equal("/status/403", refused.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Staff_cannot_export_the_users()
    {
        using var staff = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        using var response = await staff.GetAsync("/users?handler=export");
        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }
}
