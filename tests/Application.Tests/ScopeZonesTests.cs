using AgentP.Application.Common;

namespace AgentP.Application.Tests;

/// <summary>The all-salons view's zones: the widest UTC bounds of a range of local days, and the key of each salon's today.</summary>
public sealed class ScopeZonesTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Vladivostok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly Guid East = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid West = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static ScopeZones AllSalons() => new(Moscow, new Dictionary<Guid, TimeZoneInfo> { [East] = Vladivostok, [West] = LosAngeles });

    [Fact]
    public void The_widest_bounds_start_with_the_earliest_zones_first_day_and_end_with_the_latest_zones_last()
    {
        var (from, to) = AllSalons().Widest(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 14, 0, 0, TimeSpan.Zero), from); // 1 July 00:00 in Vladivostok
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 7, 0, 0, TimeSpan.Zero), to); // 1 August 00:00 in Los Angeles (summer time)
        var one = new ScopeZones(Moscow, new Dictionary<Guid, TimeZoneInfo>()).Widest(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));
        Assert.Equal((new DateTimeOffset(2026, 6, 30, 21, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 31, 21, 0, 0, TimeSpan.Zero)), one);
    }

    [Fact]
    public void A_salons_zone_is_its_own_or_the_default()
    {
        Assert.Same(Vladivostok, AllSalons().Of(East));
        Assert.Same(Moscow, AllSalons().Of(Guid.NewGuid()));
    }

    [Fact]
    public void The_days_key_changes_when_a_listed_salons_day_begins_though_the_default_zones_has_not()
    {
        var zones = AllSalons();
        var before = zones.DaysKey(new DateTimeOffset(2026, 11, 23, 13, 59, 0, TimeSpan.Zero));
        var after = zones.DaysKey(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)); // midnight in Vladivostok
        Assert.NotEqual(before, after);
        Assert.Equal(after, zones.DaysKey(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));
        Assert.NotEqual(zones.Key, new ScopeZones(Moscow, new Dictionary<Guid, TimeZoneInfo> { [East] = LosAngeles, [West] = LosAngeles }).Key);
    }
}
