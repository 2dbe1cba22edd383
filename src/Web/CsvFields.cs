using AgentP.Application.Common;
using CsvHelper;

namespace AgentP.Web;

/// <summary>How the exports write their fields.</summary>
public static class CsvFields
{
    /// <summary>An instant as a UTC timestamp (the <c>…_utc</c> columns), empty when there is none.</summary>
    public static void WriteUtc(this CsvWriter csv, DateTimeOffset? instant) => csv.WriteField(instant?.UtcDateTime, "yyyy-MM-dd HH:mm:ss");

    /// <summary>A spreadsheet's date-time in the export's zone (<c>dd.MM.yyyy HH:mm</c>, as Russian Excel reads one), empty when there is none.</summary>
    public static void WriteLocal(this CsvWriter csv, DateTimeOffset? instant, TimeZoneInfo zone) =>
        csv.WriteField(instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).DateTime : (DateTime?)null, "dd.MM.yyyy HH:mm");

    /// <summary>A spreadsheet's column of local times, named with its zone: «Начало (Москва, UTC+3)».</summary>
    public static string Local<T>(this Export<T> export, string name) =>
        $"{name} ({Labels.City(export.Zone.Id)}, {Labels.Offset(export.Zone.GetUtcOffset(export.At))})"; // the city's key is its Russian name

    /// <summary>
    /// A phone for a spreadsheet, as text without a visible mark: «+7 999 …» would be read as a formula and «89991234567» as a
    /// number, and the ' that guards other texts shows in the cell. A phone that starts with + or a digit and holds only
    /// digits, spaces and + - ( ) . gets an invisible zero-width space in front instead (no spreadsheet reads that as a
    /// formula or a number, and it is not whitespace a spreadsheet skips); anything else is guarded as any text.
    /// </summary>
    public static void WritePhone(this CsvWriter csv, string? phone) =>
        csv.WriteField(phone is { Length: > 0 } && (phone[0] == '+' || char.IsAsciiDigit(phone[0]))
            && phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.')
            ? PhoneMark + phone : Guarded(phone));

    /// <summary>U+200B, the zero-width space that makes a phone text in a spreadsheet.</summary>
    public const char PhoneMark = '\u200B';

    /// <summary>A yes/no in words for a person: «да» / «нет».</summary>
    public static void WriteYesNo(this CsvWriter csv, bool value) => csv.WriteField(value ? "да" : "нет");

    /// <summary>
    /// A text field, made text for a spreadsheet when it would run as a formula. CsvHelper's escape looks at the first
    /// character only (and only ASCII ones); a spreadsheet skips leading whitespace — a space, a no-break space, a line
    /// feed — before it reads a formula, so those get the leading ' too.
    /// </summary>
    public static void WriteText(this CsvWriter csv, string? text) => csv.WriteField(Guarded(text));

    public static string? Guarded(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]) && text[start] is not ('\t' or '\r')) start++;
        return start > 0 && start < text.Length && text[start] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
