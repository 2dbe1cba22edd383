using AgentP.Domain.Dashboard;

namespace AgentP.Domain.Tests;

/// <summary>The opening-hours rule as the collector reads it (docs/architecture.md §5 "opening hours").</summary>
public sealed class OpeningHoursTests
{
    private static readonly DateTime Monday = new(2026, 11, 9);

    [Fact]
    public void Without_settings_every_day_runs_from_ten_to_the_bots_closing_time_open_at_the_first_closed_at_the_second()
    {
        var hours = OpeningHours.Of(null, "19:30");
        Assert.False(hours.IsOpen(Monday.AddHours(10).AddTicks(-1)));
        Assert.True(hours.IsOpen(Monday.AddHours(10)));
        Assert.True(hours.IsOpen(Monday.AddHours(19.5).AddTicks(-1)));
        Assert.False(hours.IsOpen(Monday.AddHours(19.5)));
        Assert.True(OpeningHours.Of(null, "7:05").Days.All(d => d == (new TimeOnly(10, 0), new TimeOnly(7, 5)))); // H:MM reads too (closed all day)
    }

    [Theory]
    [InlineData(null)]
    [InlineData("24:00")]
    [InlineData("20:00\n")] // PostgreSQL's $ is the very end
    [InlineData("８:00")] // digits are ASCII only
    [InlineData("20.00")]
    public void A_missing_or_unreadable_closing_time_is_21_00(string? closing) =>
        Assert.Equal(OpeningHours.Default, OpeningHours.Of(null, closing));

    [Fact]
    public void Seven_set_days_apply_each_on_its_weekday_an_empty_or_unreadable_one_a_day_off_a_missing_one_the_default()
    {
        var hours = OpeningHours.Of(["09:00-20:00", "", "9:00-20:00", null, "09:00-20:00", "11:00-17:00", "12:00-10:00"], "18:00");
        Assert.True(hours.IsOpen(Monday.AddHours(9)));
        Assert.False(hours.IsOpen(Monday.AddDays(1).AddHours(12))); // Tuesday: off
        Assert.False(hours.IsOpen(Monday.AddDays(2).AddHours(12))); // Wednesday: "9:00" is not HH:MM, off as the collector reads it
        Assert.True(hours.IsOpen(Monday.AddDays(3).AddHours(17.99))); // Thursday: the default day, to the bot's 18:00
        Assert.False(hours.IsOpen(Monday.AddDays(3).AddHours(18)));
        Assert.False(hours.IsOpen(Monday.AddDays(5).AddHours(17))); // Saturday closes at 17:00
        Assert.False(hours.IsOpen(Monday.AddDays(6).AddHours(11))); // Sunday opens after it closes: never open
    }

    [Fact]
    public void Fewer_than_seven_days_are_not_set_and_equal_hours_are_equal()
    {
        Assert.Equal(OpeningHours.Default, OpeningHours.Of(["09:00-20:00"], null));
        Assert.Equal(OpeningHours.Of(null, "19:30"), OpeningHours.Of(Enumerable.Repeat("10:00-19:30", 7).ToList(), null));
        Assert.Equal(OpeningHours.Of(null, "19:30").GetHashCode(), OpeningHours.Of(Enumerable.Repeat<string?>(null, 7).ToList(), "19:30").GetHashCode());
    }
}
