using AgentP.Application.Common;
using AgentP.Application.Platform;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages;

[Authorize(Roles = "super_admin")]
public sealed class PlatformModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public PlatformReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await QueryAsync(mediator, new GetPlatform(Range, From, To, Sort, Dir != "asc"));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportPlatform(Range, From, To, Sort, Dir != "asc"), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<SalonRow> Spreadsheet(Export<SalonRow> e) => new(
        ("Салон", (csv, s) => csv.WriteText(s.Name)),
        ("Работает", (csv, s) => csv.WriteYesNo(s.IsActive)),
        ("Диалоги", (csv, s) => csv.WriteField(s.Current.Dialogs, "D")),
        ("Записи", (csv, s) => csv.WriteField(s.Current.Bookings, "D")),
        ("Конверсия, %", (csv, s) => csv.WriteField(s.Current.Conversion, "0.00")),
        ("Выручка, ₽", (csv, s) => csv.WriteField(s.Current.Revenue, "0.00")),
        ("Эскалации", (csv, s) => csv.WriteField(s.Current.Escalated, "D")),
        ("Брошены", (csv, s) => csv.WriteField(s.Current.Dropped, "D")),
        ("Бот справился сам, %", (csv, s) => csv.WriteField(s.Current.Containment, "0.00")),
        ("Время ответа, с", (csv, s) => csv.WriteField(s.Current.AvgResponseMs / 1000, "0.0")),
        ("Диалоги в прошлом периоде", (csv, s) => csv.WriteField(s.Previous.Dialogs, "D")),
        ("Изменение диалогов, %", (csv, s) => csv.WriteField(s.DialogsTrend, "0.0")),
        ("Конверсия лучше, чем у % салонов", (csv, s) => csv.WriteField(s.Percentiles?.Conversion, "D")),
        ("Ответ быстрее, чем у % салонов", (csv, s) => csv.WriteField(s.Percentiles?.ResponseTime, "D")),
        ("Справляется сам лучше, чем % салонов", (csv, s) => csv.WriteField(s.Percentiles?.Containment, "D")),
        ("Эскалаций меньше, чем у % салонов", (csv, s) => csv.WriteField(s.Percentiles?.EscalationShare, "D")));

    private static readonly CsvColumns<SalonRow> Columns = new(
        ("salon", (csv, s) => csv.WriteText(s.Name)),
        ("active", (csv, s) => csv.WriteText(s.IsActive ? "yes" : "no")),
        ("dialogs", (csv, s) => csv.WriteField(s.Current.Dialogs, "D")),
        ("bookings", (csv, s) => csv.WriteField(s.Current.Bookings, "D")),
        ("conversion_percent", (csv, s) => csv.WriteField(s.Current.Conversion, "0.00")),
        ("revenue_rub", (csv, s) => csv.WriteField(s.Current.Revenue, "0.00")),
        ("escalated", (csv, s) => csv.WriteField(s.Current.Escalated, "D")),
        ("dropped", (csv, s) => csv.WriteField(s.Current.Dropped, "D")),
        ("containment_percent", (csv, s) => csv.WriteField(s.Current.Containment, "0.00")),
        ("avg_response_ms", (csv, s) => csv.WriteField(s.Current.AvgResponseMs, "0")),
        ("previous_dialogs", (csv, s) => csv.WriteField(s.Previous.Dialogs, "D")),
        ("dialogs_trend_percent", (csv, s) => csv.WriteField(s.DialogsTrend, "0.0")),
        // Issue 24: the share of the platform's other active salons with dialogs this salon does better than (empty below 5 salons).
        ("conversion_percentile", (csv, s) => csv.WriteField(s.Percentiles?.Conversion)),
        ("response_time_percentile", (csv, s) => csv.WriteField(s.Percentiles?.ResponseTime)),
        ("containment_percentile", (csv, s) => csv.WriteField(s.Percentiles?.Containment)),
        ("escalation_percentile", (csv, s) => csv.WriteField(s.Percentiles?.EscalationShare)));

    /// <summary>The link that sorts by <paramref name="key"/>: descending first, a second click ascending.</summary>
    public string SortLink(string key)
    {
        var descending = !(Report?.Sort == key && Report.Descending);
        return $"?{RangeQuery}&sort={key}&dir={(descending ? "desc" : "asc")}";
    }

    /// <summary>The export of the table as shown: its period and order.</summary>
    public string? ExportHref => Report is null ? null
        : $"/platform?handler=export&{RangeQuery}&sort={Report.Sort}&dir={(Report.Descending ? "desc" : "asc")}";

    private string RangeQuery => Report?.Range is { } r ? $"range={r}" : $"from={Report?.Period.From:yyyy-MM-dd}&to={Report?.Period.To:yyyy-MM-dd}";

    public string? AriaSort(string key) => Report?.Sort == key ? (Report.Descending ? "descending" : "ascending") : null;
}
