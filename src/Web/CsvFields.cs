using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AgentP.Web;

/// <summary>How the exports write their fields.</summary>
public static class CsvFields
{
    /// <summary>An instant as a UTC timestamp (the <c>…_utc</c> columns), empty when there is none.</summary>
    public static void WriteUtc(this CsvWriter csv, DateTimeOffset? instant) => csv.WriteField(instant?.UtcDateTime, "yyyy-MM-dd HH:mm:ss");

    /// <summary>A yes/no in words for a person: «да» / «нет».</summary>
    public static void WriteYesNo(this CsvWriter csv, bool value) => csv.WriteField(value ? "да" : "нет");

    /// <summary>
    /// A phone a spreadsheet keeps as text, as the bot wrote it: led by an invisible word joiner (U+2060), so neither is the
    /// leading + a formula to escape with a visible apostrophe, nor are the digits read as a number.
    /// </summary>
    public static void WritePhone(this CsvWriter csv, string? phone) => csv.WriteField(phone is { Length: > 0 } ? "\u2060" + phone : phone);
}
