using AgentP.Application.Overview;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Tests;

/// <summary>The Overview's periods: ISO weeks and calendar months of the range, cut ones marked partial.</summary>
public sealed class ReportGroupingTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Weeks_run_monday_to_sunday_and_the_ranges_edges_cut_the_first_and_last()
    {
        // 28 Oct 2026 is a Wednesday, 23 Nov a Monday.
        var weeks = ReportGrouping.Split(new ReportPeriod(D(10, 28), D(11, 23)), ReportGrouping.Week);
        Assert.Equal([
            new ReportBucket(D(10, 28), D(11, 1), true), new ReportBucket(D(11, 2), D(11, 8), false),
            new ReportBucket(D(11, 9), D(11, 15), false), new ReportBucket(D(11, 16), D(11, 22), false),
            new ReportBucket(D(11, 23), D(11, 23), true)], weeks);
    }

    [Fact]
    public void Months_are_calendar_months_and_a_whole_month_is_not_partial()
    {
        var months = ReportGrouping.Split(new ReportPeriod(D(1, 15), D(4, 30)), ReportGrouping.Month);
        Assert.Equal([
            new ReportBucket(D(1, 15), D(1, 31), true), new ReportBucket(D(2, 1), D(2, 28), false),
            new ReportBucket(D(3, 1), D(3, 31), false), new ReportBucket(D(4, 1), D(4, 30), false)], months);
    }

    [Fact]
    public void Today_and_a_week_or_month_not_yet_over_are_partial()
    {
        var days = ReportGrouping.Split(new ReportPeriod(D(11, 21), D(11, 23)), ReportGrouping.Day, today: D(11, 23));
        Assert.Equal([false, false, true], days.Select(d => d.Partial));
        // Whole in the range, but not over: the week of Monday 2026-11-23, and November.
        var weeks = ReportGrouping.Split(new ReportPeriod(D(11, 9), D(11, 29)), ReportGrouping.Week, today: D(11, 23));
        Assert.Equal([false, false, true], weeks.Select(w => w.Partial));
        var months = ReportGrouping.Split(new ReportPeriod(D(10, 1), D(11, 30)), ReportGrouping.Month, today: D(11, 23));
        Assert.Equal([false, true], months.Select(m => m.Partial));
    }

    [Fact]
    public void Days_are_never_partial()
    {
        var days = ReportGrouping.Split(new ReportPeriod(D(11, 1), D(11, 3)), ReportGrouping.Day);
        Assert.Equal(3, days.Count);
        Assert.All(days, d => Assert.False(d.Partial));
    }

    [Theory]
    [InlineData(null, null, null, "day")]          // 7 days by default
    [InlineData("today", null, null, "day")]
    [InlineData("30d", null, null, "day")]
    [InlineData("month", null, null, "day")]
    [InlineData("last_month", null, null, "day")]
    [InlineData("90d", null, null, "week")]
    [InlineData(null, "2026-01-01", "2026-01-31", "day")]   // 31 days
    [InlineData(null, "2026-01-01", "2026-02-01", "week")]  // 32
    [InlineData(null, "2026-01-01", "2026-06-29", "week")]  // 180
    [InlineData(null, "2026-01-01", "2026-06-30", "month")] // 181
    [InlineData("forever", null, null, null)]
    [InlineData(null, "2026-02-01", "2026-01-01", null)]
    [InlineData(null, "2026-02-01", null, null)]
    public void Without_a_choice_the_ranges_length_chooses(string? range, string? from, string? to, string? expected) =>
        Assert.Equal(expected, ReportGrouping.ForRequest(range, from, to));

    [Fact]
    public void A_periods_rates_come_from_its_summed_counts_not_from_the_mean_of_its_days()
    {
        var rows = new[]
        {
            new DailyMetrics { Day = D(11, 2), DialogsStarted = 1, Bookings = 1, Escalated = 0 }, // 100 %
            new DailyMetrics { Day = D(11, 3), DialogsStarted = 9, Bookings = 0, Escalated = 3 }, // 0 %
        };
        var week = Assert.Single(OverviewPeriod.Of(rows, new ReportPeriod(D(11, 2), D(11, 8)), ReportGrouping.Week));
        Assert.Equal((10L, 1L, 3L), (week.Dialogs, week.Bookings, week.Escalated));
        Assert.Equal(10.00m, week.Conversion);   // not (100 + 0) / 2
        Assert.Equal(70.00m, week.Containment);  // 7 of 10 handled without a human
        Assert.False(week.Partial);
    }
}
