using FluentValidation.Results;

namespace AgentP.Application.Overview;

/// <summary>
/// How the Overview groups a range into periods (<c>group=day|week|month</c>): days, ISO weeks (Monday–Sunday) or calendar
/// months, all of the salon's local days. Without a choice, the range's length decides.
/// </summary>
public static class ReportGrouping
{
    public const string Day = "day", Week = "week", Month = "month";
    public static readonly IReadOnlyList<string> All = [Day, Week, Month];

    /// <summary>Up to 31 days by day, up to 180 by week, longer by month.</summary>
    public static string For(int days) => days <= 31 ? Day : days <= 180 ? Week : Month;

    /// <summary>
    /// The grouping a request leaves to the range, from the parameters alone (before the salon's today is known): a preset's
    /// longest length, or the custom days' count. Null when the parameters do not make a range (the query refuses them).
    /// </summary>
    public static string? ForRequest(string? range, string? from, string? to)
    {
        if (from is not null || to is not null)
            return ReportPeriod.TryParseDate(from, out var first) && ReportPeriod.TryParseDate(to, out var last) && first <= last
                ? For(last.DayNumber - first.DayNumber + 1) : null;
        return (range ?? ReportPeriod.DefaultRange) switch
        {
            "today" => Day, "7d" => Day, "30d" => Day, "month" => Day, "last_month" => Day,
            "90d" => Week,
            _ => null,
        };
    }

    /// <summary>The first day of the period <paramref name="day"/> falls in: itself, its ISO week's Monday, or its month's 1st.</summary>
    public static DateOnly StartOf(DateOnly day, string grouping) => grouping switch
    {
        Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>
    /// The periods of <paramref name="range"/> in order; one cut by the range's edge, or not over on <paramref name="today"/>
    /// (it holds today or later days), is <see cref="ReportBucket.Partial"/>.
    /// </summary>
    public static IReadOnlyList<ReportBucket> Split(ReportPeriod range, string grouping, DateOnly? today = null)
    {
        var buckets = new List<ReportBucket>();
        for (var start = range.From; start <= range.To;)
        {
            var first = StartOf(start, grouping);
            var last = grouping switch { Week => first.AddDays(6), Month => first.AddMonths(1).AddDays(-1), _ => first };
            var from = first < range.From ? range.From : first;
            var to = last > range.To ? range.To : last;
            buckets.Add(new ReportBucket(from, to, from != first || to != last || today is { } t && last >= t));
            start = to.AddDays(1);
        }
        return buckets;
    }
}

/// <summary>One period of a grouped range: its first and last day within the range, and whether the range cuts it or it is not over.</summary>
public sealed record ReportBucket(DateOnly From, DateOnly To, bool Partial)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
