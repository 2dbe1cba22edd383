using AgentP.Application.Overview;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public OverviewReport? Report { get; private set; }
    public DialogHeatmap? Heatmap => Report?.Heatmap;
    public TodayFigures? Today => Report?.TodayFigures;

    /// <summary>The range's query string (<c>range=…</c> or <c>from=…&amp;to=…</c>) without the grouping.</summary>
    public string RangeQuery => Report?.Range is { } range ? $"range={range}" : $"from={Report?.Period.From:yyyy-MM-dd}&to={Report?.Period.To:yyyy-MM-dd}";

    /// <summary>
    /// The address of what the page shows, grouping included: when the request chose a range but left the grouping to its
    /// length, the page writes the choice into the address bar (overview.js), so a bookmark or a shared link keeps it. The bare
    /// <c>/</c> (the landing page after sign-in: the default range) keeps its address.
    /// </summary>
    public string? CanonicalUrl => Report is { } r && Group is null && (Range ?? From ?? To) is not null ? $"/?{RangeQuery}&group={r.Grouping}" : null;

    /// <summary>Whether the range includes the salon's today: its figures then refresh by themselves (<see cref="OnGetTodayAsync"/>).</summary>
    public bool IncludesToday => Report is { } r && r.Period.Contains(r.Today);

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await QueryAsync(mediator, new GetOverview(Range, From, To, Group: Group)); // one request: the heatmap and today's strip included
        return Page();
    }

    /// <summary>A period as the tables and the chart name it: a day, a week's first and last day, a month (with its days when the range cuts it).</summary>
    public static string PeriodLabel(OverviewPeriod p, string grouping, bool chart = false) => grouping switch
    {
        ReportGrouping.Week when p.From == p.To => chart ? Formatting.ShortDate(p.From) : Formatting.Date(p.From),
        ReportGrouping.Week => $"{Formatting.ShortDate(p.From)} – {(chart ? Formatting.ShortDate(p.To) : Formatting.Date(p.To))}",
        ReportGrouping.Month => p.From.ToString(chart ? "MMM yyyy" : "MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)
                                + (p.Partial && !chart ? $" ({Formatting.ShortDate(p.From)} – {Formatting.ShortDate(p.To)})" : ""),
        _ => chart ? Formatting.ShortDate(p.From) : Formatting.Date(p.From),
    } + (p.Partial && chart ? " *" : "");

    /// <summary>Today's figures alone, as the fragment the page polls about once a minute while it is visible.</summary>
    public async Task<IActionResult> OnGetTodayAsync() =>
        Partial("_OverviewToday", await mediator.Send(new GetTodayFigures(), HttpContext.RequestAborted));

    /// <summary>The range's rows as CSV, one per period of the grouping.</summary>
    /// <param name="format"><c>excel</c>: the file for a person with Russian Excel (words, decimal commas); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var export = await mediator.Send(new ExportOverview(Range, From, To, Group: Group), HttpContext.RequestAborted);
        return CsvFile.Of(export, format, Columns, _ => SpreadsheetColumns);
    }

    private static readonly CsvColumns<OverviewPeriod> SpreadsheetColumns = new(
        ("Начало периода", (csv, p) => csv.WriteField(p.From, "dd.MM.yyyy")),
        ("Конец периода", (csv, p) => csv.WriteField(p.To, "dd.MM.yyyy")),
        ("Период неполный", (csv, p) => csv.WriteYesNo(p.Partial)),
        ("Диалоги", (csv, p) => csv.WriteField(p.Dialogs, "D")),
        ("Записи", (csv, p) => csv.WriteField(p.Bookings, "D")),
        ("Конверсия, %", (csv, p) => csv.WriteField(p.Conversion, "0.00")),
        ("Выручка, ₽", (csv, p) => csv.WriteField(p.Revenue, "0.00")),
        ("Время ответа, с", (csv, p) => csv.WriteField(p.AvgResponseMs / 1000, "0.0")),
        ("Эскалации", (csv, p) => csv.WriteField(p.Escalated, "D")),
        ("Брошены", (csv, p) => csv.WriteField(p.Dropped, "D")),
        ("Бот справился сам, %", (csv, p) => csv.WriteField(p.Containment, "0.00")));

    private static readonly CsvColumns<OverviewPeriod> Columns = new(
        ("period_start", (csv, p) => csv.WriteField(p.From, "yyyy-MM-dd")),
        ("period_end", (csv, p) => csv.WriteField(p.To, "yyyy-MM-dd")),
        ("partial", (csv, p) => csv.WriteText(p.Partial ? "yes" : "no")),
        ("dialogs", (csv, p) => csv.WriteField(p.Dialogs, "D")),
        ("bookings", (csv, p) => csv.WriteField(p.Bookings, "D")),
        ("conversion_percent", (csv, p) => csv.WriteField(p.Conversion, "0.00")),
        ("revenue_rub", (csv, p) => csv.WriteField(p.Revenue, "0.00")),
        ("avg_response_ms", (csv, p) => csv.WriteField(p.AvgResponseMs, "0")),
        ("escalated", (csv, p) => csv.WriteField(p.Escalated, "D")),
        ("dropped", (csv, p) => csv.WriteField(p.Dropped, "D")),
        ("containment_percent", (csv, p) => csv.WriteField(p.Containment, "0.00")),
        // The bot's value (issue 24): RUB, as the revenue card counts; the average check is empty without priced bookings.
        ("after_hours_dialogs", (csv, p) => csv.WriteField(p.Value?.AfterHoursDialogs ?? 0, "D")),
        ("after_hours_bookings", (csv, p) => csv.WriteField(p.Value?.AfterHoursBookings ?? 0, "D")),
        ("after_hours_revenue_rub", (csv, p) => csv.WriteField(p.Value?.AfterHoursRevenue ?? 0, "0.00")),
        ("avg_check_rub", (csv, p) => csv.WriteField(p.Value?.AverageCheck, "0.00")),
        ("lost_revenue_rub", (csv, p) => csv.WriteField(p.Value?.LostRevenueTotal ?? 0, "0.00")),
        ("admin_hours_saved", (csv, p) => csv.WriteField(p.Value?.AdminHoursSaved ?? 0, "0.0")),
        // Of the cases resolved in the period in salons with an answer target, the share answered within it; empty when none.
        ("escalations_on_time_percent", (csv, p) => csv.WriteField(p.Value?.OnTimeShare, "0.00")));
}
