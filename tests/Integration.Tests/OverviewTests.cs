using System.Net;
using System.Text;
using AgentP.Application.Metrics;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>The Overview page over the hand-computed days of <see cref="MetricsFixture"/> (collected once).</summary>
public sealed class OverviewTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 1), new(2026, 11, 22)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_kpis_of_a_range_are_recomputed_from_summed_counts_and_formatted_in_russian()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var html = await client.GetStringAsync("/?from=2026-11-10&to=2026-11-11");

        Assert.Contains("data-testid=\"kpi-dialogs\">7</p>", html);
        Assert.Contains("data-testid=\"kpi-bookings\">3</p>", html);
        // 3 / 7 = 42,9 %, not the mean of the daily 50 % and 33,3 % (41,7 %).
        Assert.Contains("data-testid=\"kpi-conversion\">42,9&#xA0;%</p>", html);
        Assert.Contains("data-testid=\"kpi-revenue\">5&#xA0;500&#xA0;₽</p>", html);
        Assert.Contains("data-testid=\"kpi-response\">4,0&#xA0;с</p>", html); // weighted by the 5 answered messages of the 10th
        Assert.Contains("data-testid=\"kpi-escalation\">14,3&#xA0;%</p>", html);
        Assert.Contains("10 нояб. 2026 – 11 нояб. 2026", html);
        Assert.Contains("нет данных за прошлый период", html);
    }

    [Fact]
    public async Task The_change_against_the_previous_period_of_equal_length_is_shown()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var html = await client.GetStringAsync("/?from=2026-11-11&to=2026-11-11"); // 3 dialogs vs 4 on the 10th

        Assert.Contains("data-testid=\"kpi-dialogs-change\"", html);
        Assert.Contains("▼</span> -25,0&#xA0;%", html);
        Assert.Contains("▼</span> -16,7&#xA0;п.п.", html); // conversion 33,3 % vs 50 %
    }

    [Fact]
    public async Task The_funnel_top_services_and_channels_come_with_tables()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var html = await client.GetStringAsync("/?from=2026-11-10&to=2026-11-10");

        // Each figure is a drill-down link to its dialogs (DrillDownTests): the number inside it.
        Assert.Matches("<td>маникюр</td><td class=\"text-end\">(<a [^>]+>)?2(</a>)?</td><td class=\"text-end text-nowrap\"[^>]*>2&#xA0;500&#xA0;₽</td>", html);
        Assert.Matches("<th scope=\"row\">Выбрали время</th><td class=\"text-end\">(<a [^>]+>)?3(</a>)?</td>", html); // 4 dialogs, 1 dropped at time
        Assert.Matches("<th scope=\"row\">WhatsApp</th><td class=\"text-end\">(<a [^>]+>)?1(</a>)?</td>", html);
        Assert.Contains("id=\"overview-data\"", html);
    }

    [Fact]
    public async Task Each_salon_sees_its_own_local_days_only()
    {
        using var client = await fixture.App.SignedInAsync("admin-b@metrics.local", MetricsFixture.Password);
        var html = await client.GetStringAsync("/?from=2026-11-10&to=2026-11-11");
        Assert.Contains("data-testid=\"overview-salon\">Метрики Б</h1>", html);
        Assert.Contains("data-testid=\"kpi-dialogs\">1</p>", html);
        Assert.Contains("Екатеринбург (UTC+5)", System.Net.WebUtility.HtmlDecode(html)); // the zone as people say it
        Assert.DoesNotContain("маникюр", html);
    }

    [Theory]
    [InlineData("/?from=2026-11-11&to=2026-11-10", "Дата «по» раньше даты «с».")]
    [InlineData("/?from=2026-13-45&to=2026-11-10", "Дата «с» должна быть в виде ГГГГ-ММ-ДД")]
    [InlineData("/?from=2024-01-01&to=2026-11-10", "Период длиннее 366 дней")]
    [InlineData("/?from=2026-11-01", "Укажите обе даты периода")]
    [InlineData("/?range=forever", "Неизвестный период")]
    [InlineData("/?from=2027-01-01&to=2027-01-31", "Период начинается в будущем")]
    [InlineData("/?from=%27%3B%20DROP%20TABLE%20x&to=2026-11-10", "Дата «с» должна быть в виде ГГГГ-ММ-ДД")]
    public async Task A_bad_range_gets_a_clear_message_and_a_400_not_an_error_page(string url, string message)
    {
        using var client = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("name=\"from\"", html); // the range picker is still there to fix it
    }

    [Fact]
    public async Task The_csv_export_has_the_daily_rows_with_a_bom_and_is_audited()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var response = await client.GetAsync("/?handler=export&from=2026-11-10&to=2026-11-11");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The bot's value (issue 24), by hand: on the 10th, 00:30 and 23:59 are outside 10:00–21:00 (one booked, 2 500), one priced
        // booking (2 500), 1 dropped at time × 2/3 × 2 500 lost, 4 replies × 2 min; on the 11th, 00:00 is after hours (3 000),
        // 2 dropped at service × 1/1 × 3 000 lost. No answer target: no on-time share.
        Assert.Equal(["period_start;period_end;partial;dialogs;bookings;conversion_percent;revenue_rub;avg_response_ms;escalated;dropped;containment_percent;"
                      + "after_hours_dialogs;after_hours_bookings;after_hours_revenue_rub;avg_check_rub;lost_revenue_rub;admin_hours_saved;escalations_on_time_percent",
            "2026-11-10;2026-11-10;no;4;2;50.00;2500.00;4000;1;1;75.00;2;1;2500.00;2500.00;1666.67;0.1;",
            "2026-11-11;2026-11-11;no;3;1;33.33;3000.00;0;0;2;100.00;1;1;3000.00;3000.00;6000.00;0.0;"], lines);
        Assert.True(await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = 'overview'") >= 1);
    }

    [Fact]
    public async Task Another_salons_admin_exports_only_their_own_rows()
    {
        using var client = await fixture.App.SignedInAsync("admin-b@metrics.local", MetricsFixture.Password);
        var csv = await client.GetStringAsync("/?handler=export&from=2026-11-10&to=2026-11-11");
        Assert.Contains("2026-11-10;2026-11-10;no;0;0;0.00;0.00;0;0;0;0.00", csv);
        Assert.Contains("2026-11-11;2026-11-11;no;1;1;100.00;1000.00;0;0;0;100.00", csv);
    }

    [Fact]
    public async Task The_platform_page_shows_every_salon_side_by_side_for_the_super_admin_only()
    {
        using var root = await fixture.App.SignedInAsync("root@metrics.local", MetricsFixture.Password);
        var html = await root.GetStringAsync("/platform?from=2026-11-10&to=2026-11-11&sort=name&dir=asc");
        var a = html.IndexOf("Метрики А", StringComparison.Ordinal);
        var b = html.IndexOf("Метрики Б", StringComparison.Ordinal);
        Assert.True(a > 0 && b > a, "sorted by name, ascending");
        Assert.Contains("Метрики В (отключён)", html);
        Assert.Contains("<td class=\"text-end\">42,9&#xA0;%</td>", html); // salon A

        var future = await root.GetAsync("/platform?from=2027-01-01&to=2027-01-31");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("Период начинается в будущем", await future.Content.ReadAsStringAsync());

        using var admin = await fixture.App.SignedInAsync("admin-a@metrics.local", MetricsFixture.Password);
        var denied = await admin.GetAsync("/platform");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/status/403", denied.Headers.Location!.PathAndQuery);
    }
}
