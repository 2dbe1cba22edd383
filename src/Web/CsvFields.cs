using CsvHelper;

namespace AgentP.Web;

/// <summary>How the exports write their fields.</summary>
public static class CsvFields
{
    /// <summary>An instant as a UTC timestamp (the <c>…_utc</c> columns), empty when there is none.</summary>
    public static void WriteUtc(this CsvWriter csv, DateTimeOffset? instant) => csv.WriteField(instant?.UtcDateTime, "yyyy-MM-dd HH:mm:ss");

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
