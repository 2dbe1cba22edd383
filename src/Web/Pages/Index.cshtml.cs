using AgentP.Application.Overview;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public OverviewReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await QueryAsync(mediator, new GetOverview(Range, From, To));
        return Page();
    }

    /// <summary>The daily rows of the range as CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync() =>
        new CsvFile<OverviewDay>(await mediator.Send(new ExportOverview(Range, From, To), HttpContext.RequestAborted), Columns);

    private static readonly CsvColumns<OverviewDay> Columns = new(
        ("day", (csv, d) => csv.WriteField(d.Day, "yyyy-MM-dd")),
        ("dialogs", (csv, d) => csv.WriteField(d.Dialogs, "D")),
        ("bookings", (csv, d) => csv.WriteField(d.Bookings, "D")),
        ("conversion_percent", (csv, d) => csv.WriteField(d.Conversion, "0.00")),
        ("revenue_rub", (csv, d) => csv.WriteField(d.Revenue, "0.00")),
        ("avg_response_ms", (csv, d) => csv.WriteField(d.AvgResponseMs, "0")),
        ("escalated", (csv, d) => csv.WriteField(d.Escalated, "D")),
        ("dropped", (csv, d) => csv.WriteField(d.Dropped, "D")));
}
