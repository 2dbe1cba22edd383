namespace AgentP.Web.Pages.Shared;

/// <summary>
/// A list's two downloads of what it shows: the file for a person's spreadsheet (Russian words, decimal commas, local times;
/// <c>format=excel</c>) first, then the machine-readable CSV.
/// </summary>
/// <param name="Href">The machine-readable export's address, its query string started (the list's filter).</param>
/// <param name="TestId">The CSV link's test id; the spreadsheet's is the same with <c>-excel</c>.</param>
/// <param name="PushRight">The links sit at the right end of their row.</param>
public sealed record ExportLinks(string Href, string? TestId = null, bool PushRight = true)
{
    public string SpreadsheetHref => Href + (Href.EndsWith('?') || Href.EndsWith('&') ? "" : "&") + "format=" + CsvFile.Excel;
}
