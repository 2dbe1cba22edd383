using AgentP.Application.Common;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AgentP.Web;

/// <summary>
/// An export as a CSV download for Excel, its rows written as they are read from the database into a buffer that spills
/// to a temporary file (<see cref="FileBufferingWriteStream"/>), then sent from there: the database connection is
/// released as soon as the rows are read, however slowly the download is taken, and no export sits in memory as a list
/// of rows. UTF-8 with a BOM (so Excel reads
/// Cyrillic), semicolons (Excel's separator where the decimal separator is a comma), fields quoted when they need it.
/// A text field that starts with =, +, -, @, a tab or a carriage return gets a leading ' (CsvHelper's injection
/// escape, OWASP's list): every text a column writes — the bot's names, summaries, codes and statuses included — goes
/// through it, so a spreadsheet shows the text instead of running it. Numbers and dates are not text and keep their sign.
/// </summary>
/// <remarks>
/// <paramref name="spreadsheet"/>: the file for a person with Russian Excel or LibreOffice rather than for a program: numbers
/// with a decimal comma (a dot beside <c>;</c> makes Russian Excel read 9.5 as a date), and its columns (chosen by the
/// page) in Russian words, its times the salon's local ones. The file name says so (<c>…-excel.csv</c>) and is in local time
/// (<see cref="Export{T}.SpreadsheetName"/>).
/// </remarks>
public sealed class CsvFile<T>(Export<T> export, CsvColumns<T> columns, bool spreadsheet = false) : IActionResult
{
    private static readonly CsvWriterOptions Excel = CsvWriterOptions.Default with
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    private static readonly CsvWriterOptions RussianExcel = Excel with { FormatProvider = System.Globalization.CultureInfo.GetCultureInfo("ru-RU") };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var aborted = context.HttpContext.RequestAborted;
        response.ContentType = "text/csv; charset=utf-8";
        var name = spreadsheet ? export.SpreadsheetName : export.FileName;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name, FileNameStar = name }.ToString();
        // A query that fails before the end gets an error page instead of a cut-off file.
        await using var buffer = new FileBufferingWriteStream();
        await using (var csv = CsvWriter.Create(buffer, spreadsheet ? RussianExcel : Excel, leaveOpen: true))
        {
            await csv.WriteRecordsAsync(export.Rows, columns, aborted);
            await csv.FlushAsync(aborted);
        }
        response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(response.Body, aborted);
    }
}

/// <summary>Which file a list's export link asked for.</summary>
public static class CsvFile
{
    /// <summary>The value of <c>format</c> that asks for the spreadsheet's file.</summary>
    public const string Excel = "excel";

    /// <summary>
    /// The spreadsheet's file (<paramref name="spreadsheet"/>'s columns, given the export's zone and whether it is every
    /// salon's) when <paramref name="format"/> is <see cref="Excel"/>, else the machine-readable one.
    /// </summary>
    public static IActionResult Of<T>(Export<T> export, string? format, CsvColumns<T> columns, Func<Export<T>, CsvColumns<T>> spreadsheet) =>
        format == Excel ? new CsvFile<T>(export, spreadsheet(export), spreadsheet: true) : new CsvFile<T>(export, columns);
}
