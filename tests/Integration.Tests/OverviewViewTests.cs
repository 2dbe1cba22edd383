using System.Text.Json;
using AgentP.Application.Overview;
using AgentP.Domain.Dashboard;
using AgentP.Web.Pages;

namespace AgentP.Integration.Tests;

/// <summary>
/// The Overview's view model from a report, without a browser or a database: the cards, their drill-downs and the charts'
/// data the page only renders (<see cref="OverviewView"/>).
/// </summary>
public sealed class OverviewViewTests
{
    private static readonly ReportPeriod Week = new(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));

    private static OverviewReport Report()
    {
        var rows = Enumerable.Range(0, 7).Select(i => new DailyMetrics
        {
            Day = Week.From.AddDays(i), DialogsStarted = 10, Bookings = 4, TotalRevenue = 1000, Escalated = 2, Dropped = 1,
            FunnelCompleted = 4, DroppedAtService = 3, TelegramDialogs = 6, WhatsappDialogs = 4, PositiveDialogs = 5,
        }).ToList();
        return new OverviewReport("Салон «Альфа»", "Europe/Moscow", new DateOnly(2026, 11, 23), "7d", Week,
            OverviewTotals.Of(rows), OverviewTotals.Of([]), ReportGrouping.Day, OverviewPeriod.Of(rows, Week, ReportGrouping.Day),
            null, new EscalationFigures(0, 0, null), true);
    }

    private static readonly Func<string, string> Marked = key => $"[{key}]";

    [Fact]
    public void The_cards_come_in_the_pages_order_with_their_labels_translated()
    {
        var view = OverviewView.From(Report(), Marked);
        Assert.Equal(["dialogs", "bookings", "conversion", "revenue", "response", "escalation", "containment"], view.Kpis.Select(k => k.Id));
        Assert.Equal("[Записи]", view.Kpis[1].Label);
        Assert.Null(view.Kpis[0].Change); // no previous period to compare with
    }

    [Theory]
    [InlineData("dialogs", "/sessions?from=2026-11-16&to=2026-11-22", 70)]
    [InlineData("bookings", "/sessions?from=2026-11-16&to=2026-11-22&booked=yes", 28)]
    [InlineData("revenue", "/sessions?from=2026-11-16&to=2026-11-22&booked=yes", 28)]
    [InlineData("escalation", "/sessions?from=2026-11-16&to=2026-11-22&escalated=yes", 14)]
    [InlineData("containment", "/sessions?from=2026-11-16&to=2026-11-22&escalated=no", 56)]
    public void Each_card_drills_into_the_dialogs_it_counts(string id, string href, long count) =>
        Assert.Equal((href, count), OverviewView.From(Report(), Marked).Kpis.Single(k => k.Id == id).Drill);

    [Fact]
    public void Every_chart_point_bar_and_slice_has_its_link()
    {
        using var json = JsonDocument.Parse(OverviewView.From(Report(), Marked).ChartJson);
        var data = json.RootElement;
        var links = data.GetProperty("links");
        Assert.Equal(7, data.GetProperty("days").GetArrayLength());
        Assert.All(links.GetProperty("daily")[1].EnumerateArray(), l => Assert.EndsWith("&booked=yes", l.GetString()));
        Assert.Equal("/sessions?from=2026-11-16&to=2026-11-16", links.GetProperty("daily")[0][0].GetString());
        Assert.Equal(data.GetProperty("funnel").GetProperty("values").GetArrayLength(), links.GetProperty("funnel")[0].GetArrayLength());
        Assert.Equal("[Выбрали услугу]", data.GetProperty("funnel").GetProperty("labels")[1].GetString());
        Assert.Equal("/sessions?from=2026-11-16&to=2026-11-22&stage=past_service_selection", links.GetProperty("funnel")[0][1].GetString());
        Assert.Equal(3, links.GetProperty("sentiment")[0].GetArrayLength());
        Assert.Equal(2, links.GetProperty("channels")[0].GetArrayLength());
    }
}
