using System.Globalization;

namespace AgentP.Web;

/// <summary>Numbers, money, rates and dates in the UI culture (ru-RU: <c>1 234,50 ₽</c>, <c>40,0 %</c>, <c>10 окт. 2026</c>).</summary>
public static class Formatting
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>
    /// An amount with its currency sign, without kopecks when there are none («136 200 ₽», «1 234,50 ₽»). The spaces are
    /// no-break spaces, so the sign never wraps away from its number.
    /// </summary>
    public static string Money(decimal value, string currency = "RUB") =>
        value.ToString(decimal.Round(value, 2) == decimal.Truncate(value) ? "N0" : "N2", Culture).Replace(' ', '\u00A0')
        + "\u00A0" + currency switch { "RUB" => "₽", "USD" => "$", "EUR" => "€", _ => currency };

    /// <summary>
    /// Amounts in currencies other than RUB, shown apart from a RUB figure (« + 500 $»); empty when there are none. Money
    /// figures count RUB only (a missing currency counts as RUB), so another currency is never added to them.
    /// </summary>
    public static string OtherMoney(IReadOnlyDictionary<string, decimal>? byCurrency) =>
        string.Concat((byCurrency ?? new Dictionary<string, decimal>()).Where(c => c.Key != "RUB" && c.Value != 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => " + " + Money(c.Value, c.Key)));

    /// <summary>A percentage given as 0–100 (the way conversion is stored).</summary>
    public static string Percent(decimal value) => value.ToString("N1", Culture) + (IsRussian ? "\u00A0%" : "%");

    /// <summary>A share of dialogs (conversion, containment): «—» when there were none, where 0 % would claim a result.</summary>
    public static string Rate(decimal value, long dialogs) => dialogs == 0 ? "—" : Percent(value);

    public static string Duration(double milliseconds) => milliseconds switch
    {
        <= 0 => "—",
        < 1000 => $"{milliseconds.ToString("N0", Culture)}\u00A0" + (IsRussian ? "мс" : "ms"),
        _ => $"{(milliseconds / 1000).ToString("N1", Culture)}\u00A0" + (IsRussian ? "с" : "s"),
    };

    public static string Date(DateOnly day) => day.ToString("d MMM yyyy", Culture);

    public static string ShortDate(DateOnly day) => day.ToString("d MMM", Culture);

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy, HH:mm", Culture);

    /// <summary>How long someone has waited, to the minute: «12 мин», «3 ч 5 мин», «2 дн. 4 ч».</summary>
    public static string Waited(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var (d, h, m) = ((int)span.TotalDays, span.Hours, span.Minutes);
        return IsRussian
            ? d > 0 ? $"{d}\u00A0дн. {h}\u00A0ч" : h > 0 ? $"{h}\u00A0ч {m}\u00A0мин" : $"{m}\u00A0мин"
            : d > 0 ? $"{d}\u00A0d {h}\u00A0h" : h > 0 ? $"{h}\u00A0h {m}\u00A0min" : $"{m}\u00A0min";
    }

    private static bool IsRussian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";
}

/// <summary>The change of a KPI against the previous period, ready to show as ▲/▼.</summary>
public sealed record Change(string Text, string Arrow, bool Good, bool Neutral)
{
    /// <summary>Relative change in % (counts, money, time); none when the previous period had nothing.</summary>
    public static Change? Relative(double current, double previous, bool higherIsBetter = true)
    {
        if (previous == 0) return null;
        var change = (current - previous) / previous * 100;
        return Of(change, (change >= 0 ? "+" : "") + change.ToString("N1", CultureInfo.CurrentCulture) + "\u00A0%", higherIsBetter);
    }

    /// <summary>Difference of two rates in percentage points.</summary>
    public static Change? Points(decimal current, decimal previous, long previousDialogs, bool higherIsBetter = true)
    {
        if (previousDialogs == 0) return null;
        var change = (double)(current - previous);
        var unit = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? "п.п." : "pp";
        return Of(change, (change >= 0 ? "+" : "") + change.ToString("N1", CultureInfo.CurrentCulture) + "\u00A0" + unit, higherIsBetter);
    }

    private static Change Of(double change, string text, bool higherIsBetter) =>
        Math.Abs(change) < 0.05
            ? new Change(text, "▬", true, true)
            : new Change(text, change > 0 ? "▲" : "▼", change > 0 == higherIsBetter, false);
}
