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
