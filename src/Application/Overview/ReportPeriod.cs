using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace AgentP.Application.Overview;

/// <summary>An inclusive range of salon-local days.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;
    public const string DefaultRange = "7d";
    /// <summary>The presets of the range picker, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Presets = ["today", "7d", "30d", "90d", "month", "last_month"];

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of equal length just before this one: what the changes are measured against.</summary>
    public ReportPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = From; day <= To; day = day.AddDays(1)) yield return day;
    }

    /// <summary>The period a preset means on <paramref name="today"/> (the salon's local date).</summary>
    public static ReportPeriod FromPreset(string preset, DateOnly today) => preset switch
    {
        "today" => new(today, today),
        "7d" => new(today.AddDays(-6), today),
        "30d" => new(today.AddDays(-29), today),
        "90d" => new(today.AddDays(-89), today),
        "month" => new(new DateOnly(today.Year, today.Month, 1), today),
        "last_month" => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddDays(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown range preset."),
    };

    /// <summary>
    /// The period a validated request means on <paramref name="today"/>: custom <paramref name="from"/>/<paramref name="to"/>
    /// when both are given, else the preset (default 7 days). Days after today hold no dialogs yet: the period ends today.
    /// </summary>
    public static ReportPeriod Resolve(string? range, string? from, string? to, DateOnly today)
    {
        if (!TryParseDate(from, out var first) || !TryParseDate(to, out var last))
            return FromPreset(range ?? DefaultRange, today);
        if (first > today)
            throw new ValidationException([new ValidationFailure("From", "Период начинается в будущем: выберите дату не позже сегодняшней.")]);
        return new ReportPeriod(first, last > today ? today : last);
    }

    /// <summary>A day written yyyy-MM-dd within the years the dashboard deals in (2000–2100), so day arithmetic never overflows.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;
}

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

    /// <summary>The periods of <paramref name="range"/> in order; one cut by the range's edge is <see cref="ReportBucket.Partial"/>.</summary>
    public static IReadOnlyList<ReportBucket> Split(ReportPeriod range, string grouping)
    {
        var buckets = new List<ReportBucket>();
        for (var start = range.From; start <= range.To;)
        {
            var first = StartOf(start, grouping);
            var last = grouping switch { Week => first.AddDays(6), Month => first.AddMonths(1).AddDays(-1), _ => first };
            var from = first < range.From ? range.From : first;
            var to = last > range.To ? range.To : last;
            buckets.Add(new ReportBucket(from, to, from != first || to != last));
            start = to.AddDays(1);
        }
        return buckets;
    }
}

/// <summary>One period of a grouped range: its first and last day within the range, and whether the range cuts it.</summary>
public sealed record ReportBucket(DateOnly From, DateOnly To, bool Partial)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
