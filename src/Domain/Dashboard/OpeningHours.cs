using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// When a salon is open, per weekday of its own zone (Monday first): from <c>Open</c> up to, not including, <c>Close</c>, or
/// closed all day. The collector's rule, in C# for the sessions filter <c>after_hours</c> (docs/architecture.md §5 "opening
/// hours"; <c>DailyMetricsSql.ValueSelect</c> reads the same settings in SQL): the salon's seven entries of
/// <see cref="TenantSettings.OpeningHours"/> when it has set them ("HH:MM-HH:MM"; "" or anything else a day off, a missing
/// entry the default day), else every day from 10:00 to the bot's <c>closing_time_override</c> (H:MM or HH:MM) or 21:00.
/// Two salons with the same hours are equal (<see cref="Key"/>), so a filter needs one condition per set of hours.
/// </summary>
public sealed partial class OpeningHours : IEquatable<OpeningHours>
{
    public static readonly TimeOnly DefaultOpen = new(10, 0);
    public static readonly TimeOnly DefaultClose = new(21, 0);

    /// <summary>10:00–21:00 every day: a salon without hours and without the bot's closing time.</summary>
    public static readonly OpeningHours Default = Of(null, null);

    private OpeningHours(IReadOnlyList<(TimeOnly Open, TimeOnly Close)?> days)
    {
        Days = days;
        Key = string.Join(',', days.Select(d => d is { } h ? $"{h.Open:HH\\:mm}-{h.Close:HH\\:mm}" : ""));
    }

    /// <summary>Monday first; null: closed all day.</summary>
    public IReadOnlyList<(TimeOnly Open, TimeOnly Close)?> Days { get; }

    /// <summary>The seven days as text: what tells two salons' hours apart.</summary>
    public string Key { get; }

    /// <param name="settings">The salon's <see cref="TenantSettings.OpeningHours"/>: used when it has seven entries.</param>
    /// <param name="closingOverride">The bot's <c>tenants_v2.metadata.closing_time_override</c> as text.</param>
    public static OpeningHours Of(IReadOnlyList<string?>? settings, string? closingOverride)
    {
        var close = closingOverride is not null && Closing().IsMatch(closingOverride)
            ? TimeOnly.ParseExact(closingOverride.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture) : DefaultClose;
        (TimeOnly, TimeOnly)? fallback = (DefaultOpen, close);
        if (settings is not { Count: 7 }) return new OpeningHours(Enumerable.Repeat(fallback, 7).ToList());
        return new OpeningHours(settings.Select(day => day switch
        {
            null => fallback,
            _ when Day().IsMatch(day) => (TimeOnly.ParseExact(day[..5], "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(day[6..], "HH:mm", CultureInfo.InvariantCulture)),
            _ => ((TimeOnly, TimeOnly)?)null, // "" and anything unreadable: a day off, as the collector reads it
        }).ToList());
    }

    /// <summary>Whether a local time of the salon's zone falls within its hours.</summary>
    public bool IsOpen(DateTime local) =>
        Days[((int)local.DayOfWeek + 6) % 7] is { } h && TimeOnly.FromDateTime(local) >= h.Open && TimeOnly.FromDateTime(local) < h.Close;

    public bool Equals(OpeningHours? other) => other is not null && other.Key == Key;

    public override bool Equals(object? obj) => Equals(obj as OpeningHours);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    // PostgreSQL's patterns, anchored at the very end (\z: .NET's $ also matches before a final newline, PostgreSQL's does not).
    [GeneratedRegex(@"^([01]?[0-9]|2[0-3]):[0-5][0-9]\z")]
    private static partial Regex Closing();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]\z")]
    private static partial Regex Day();
}
