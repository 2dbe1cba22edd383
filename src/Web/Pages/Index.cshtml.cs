using System.Globalization;
using System.Text;
using AgentP.Application.Common;
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

    /// <summary>The daily rows of the range as CSV (UTF-8 with BOM so Excel reads Cyrillic).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var report = await mediator.Send(new GetOverview(Range, From, To), HttpContext.RequestAborted);
        var csv = new StringBuilder("day;dialogs;bookings;conversion_percent;revenue_rub;avg_response_ms;escalated;dropped\r\n");
        foreach (var d in report.Days)
            csv.Append(CultureInfo.InvariantCulture, $"{d.Day:yyyy-MM-dd};{d.Dialogs};{d.Bookings};{d.Conversion:0.00};{d.Revenue:0.00};{d.AvgResponseMs:0};{d.Escalated};{d.Dropped}\r\n");
        await mediator.Send(new RecordExport("overview", Request.QueryString.Value ?? "", report.Days.Count), HttpContext.RequestAborted);
        return File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", $"overview-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.csv");
    }
}
