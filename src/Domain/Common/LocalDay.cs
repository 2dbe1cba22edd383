namespace AgentP.Domain.Common;

/// <summary>A salon's day is its local day (docs/architecture.md §5): [D 00:00, D+1 00:00) in the salon's time zone.</summary>
public static class LocalDay
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The UTC instants where local day <paramref name="first"/> starts and the day after <paramref name="last"/> starts.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) UtcRange(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (StartOf(first, zone), StartOf(last.AddDays(1), zone));

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a DST jump skips midnight, the day starts at the first minute that exists.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
