namespace AgentP.Application.Common;

/// <summary>
/// A CSV export: the file's name and its rows, read from the database while they are written out, so an export of
/// 100 000 rows never sits in memory. The rows can be read once; reading them writes the export's audit entry.
/// </summary>
public sealed record Export<T>(string FileName, IAsyncEnumerable<T> Rows);
