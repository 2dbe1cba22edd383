using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Domain.Tests;

public sealed class CodesTests
{
    [Theory]
    [InlineData(Role.SuperAdmin, "super_admin")]
    [InlineData(Role.Staff, "staff")]
    [InlineData(AlertKind.HighDropOff, "high_drop_off")]
    [InlineData(DropOffStage.TimeSelection, "time_selection")]
    public void Enum_codes_are_snake_case_both_ways(object value, string code)
    {
        Assert.Equal(code, ((Enum)value).ToCode());
    }

    [Fact]
    public void Parsing_codes_round_trips_and_unknown_codes_are_handled_explicitly()
    {
        Assert.Equal(Role.SuperAdmin, Codes.Parse<Role>("super_admin"));
        Assert.Throws<FormatException>(() => Codes.Parse<Role>("owner"));
        Assert.Equal(SessionStatus.Unknown, Codes.ParseOr("timeout", SessionStatus.Unknown));
        Assert.Null(Codes.ParseOrNull<Sentiment>("SuperAdmin"));
        Assert.False(Codes.TryParse<Role>("SuperAdmin", out _)); // codes are exact, not enum names
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(5, 5, 100)]
    public void Conversion_is_bookings_over_dialogs_with_two_decimals(int bookings, int dialogs, double expected)
    {
        Assert.Equal((decimal)expected, DailyMetrics.ConversionOf(bookings, dialogs));
    }
}

public sealed class LocalDayTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Fact]
    public void A_moscow_day_starts_at_21_utc_the_evening_before()
    {
        var (from, to) = LocalDay.UtcRange(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), Moscow);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void An_instant_belongs_to_the_local_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), LocalDay.Of(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero), Moscow));
        Assert.Equal(new DateOnly(2026, 11, 22), LocalDay.Of(new DateTimeOffset(2026, 11, 22, 20, 59, 59, TimeSpan.Zero), Moscow));
    }

    [Fact]
    public void Where_dst_skips_midnight_the_day_starts_at_the_first_local_minute_that_exists()
    {
        // Havana springs forward at 00:00 → 01:00 on 2026-03-08.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var start = LocalDay.StartOf(new DateOnly(2026, 3, 8), havana);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), start); // 01:00 CDT = 05:00 UTC
    }
}
