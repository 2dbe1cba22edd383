using CsvHelper;

namespace AgentP.Web;

/// <summary>How the exports write their fields.</summary>
public static class CsvFields
{
    /// <summary>An instant as a UTC timestamp (the <c>…_utc</c> columns), empty when there is none.</summary>
    public static void WriteUtc(this CsvWriter csv, DateTimeOffset? instant) => csv.WriteField(instant?.UtcDateTime, "yyyy-MM-dd HH:mm:ss");

    /// <summary>A yes/no in words for a person: «да» / «нет».</summary>
    public static void WriteYesNo(this CsvWriter csv, bool value) => csv.WriteField(value ? "да" : "нет");
}
