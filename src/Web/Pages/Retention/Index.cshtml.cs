using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Retention;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Retention;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public RetentionReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await QueryAsync(mediator, new GetRetention(From, To, Group));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportRetention(From, To, Group), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<RetentionRow> Spreadsheet(Export<RetentionRow> e) => new(
        ("Таблица", (csv, r) => csv.WriteField(r.Table == "period" ? "Клиенты по периодам" : "Когорты")),
        ("Начало", (csv, r) => csv.WriteField(r.Start, "dd.MM.yyyy")),
        ("Конец", (csv, r) => csv.WriteField(r.End, "dd.MM.yyyy")),
        ("Клиентов", (csv, r) => csv.WriteField(r.Clients, "D")),
        ("Новых", (csv, r) => csv.WriteField(r.New, "D")),
        ("Вернувшихся", (csv, r) => csv.WriteField(r.Returning, "D")),
        ("Месяц после первого", (csv, r) => csv.WriteField(r.Offset, "D")),
        ("С диалогом", (csv, r) => csv.WriteField(r.WithDialog, "D")),
        ("С записью", (csv, r) => csv.WriteField(r.WithBooking, "D")),
        ("С диалогом, %", (csv, r) => csv.WriteField(r.WithDialog is { } n && r.Clients > 0 ? Share(n, r.Clients) : (decimal?)null, "0.0")),
        ("С записью, %", (csv, r) => csv.WriteField(r.WithBooking is { } n && r.Clients > 0 ? Share(n, r.Clients) : (decimal?)null, "0.0")));

    private static readonly CsvColumns<RetentionRow> Columns = new(
        ("table", (csv, r) => csv.WriteText(r.Table)),
        ("start", (csv, r) => csv.WriteField(r.Start, "yyyy-MM-dd")),
        ("end", (csv, r) => csv.WriteField(r.End, "yyyy-MM-dd")),
        ("clients", (csv, r) => csv.WriteField(r.Clients, "D")),
        ("new", (csv, r) => csv.WriteField(r.New, "D")),
        ("returning", (csv, r) => csv.WriteField(r.Returning, "D")),
        ("month_offset", (csv, r) => csv.WriteField(r.Offset, "D")),
        ("with_dialog", (csv, r) => csv.WriteField(r.WithDialog, "D")),
        ("with_booking", (csv, r) => csv.WriteField(r.WithBooking, "D")));

    public string Query()
    {
        var values = new (string Key, string? Value)[] { ("from", From), ("to", To), ("group", Group) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The clients list narrowed to a cell's clients.</summary>
    public static string NewClients(RetentionPeriod p) => $"/clients?first_from={Day(p.Start)}&first_to={Day(p.End)}";

    public static string ReturningClients(RetentionPeriod p) =>
        $"/clients?first_to={Day(p.Start.AddDays(-1))}&active_from={Day(p.Start)}&active_to={Day(p.End)}";

    public static string ActiveClients(RetentionPeriod p) => $"/clients?active_from={Day(p.Start)}&active_to={Day(p.End)}";

    public static string CohortClients(RetentionCohort c) => $"/clients?first_from={Day(c.Month)}&first_to={Day(c.Month.AddMonths(1).AddDays(-1))}";

    public static string LaterClients(RetentionCohort c, RetentionCell cell, bool booked) =>
        $"{CohortClients(c)}&active_from={Day(cell.Month)}&active_to={Day(cell.Month.AddMonths(1).AddDays(-1))}&kind={(booked ? "booking" : "dialog")}";

    public static decimal Share(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
