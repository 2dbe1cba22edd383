namespace AgentP.Application.Common;

/// <summary>
/// A CSV export: the file's name and its rows, read from the database while they are written out, so an export of
/// 100 000 rows never sits in memory. The rows can be read once; reading them writes the export's audit entry.
/// </summary>
/// <param name="FileName">The machine-readable file's name (its time in UTC, as its <c>…_utc</c> columns).</param>
/// <param name="SpreadsheetName">The name of the file for a person's spreadsheet: its time in <paramref name="Zone"/>.</param>
/// <param name="Zone">The scope's zone (a salon's own, the default for all salons): the spreadsheet's local times.</param>
/// <param name="AllSalons">The rows are every salon's: a spreadsheet names each row's salon.</param>
/// <param name="At">When the export was made (the app's clock): the zone's offset the spreadsheet's headers name.</param>
public sealed record Export<T>(string FileName, IAsyncEnumerable<T> Rows, string SpreadsheetName, TimeZoneInfo Zone, bool AllSalons, DateTimeOffset At);
