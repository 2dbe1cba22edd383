using System.Text;
using AgentP.Application.Clients;
using AgentP.Application.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Clients;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public ClientPage? Result { get; private set; }
    private ClientFilter Filter => new(Q, Due is "1" or "true" or "on");

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetClients(Filter, After));
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var csv = new StringBuilder("id;name;phone;preferred_staff;preferred_service;preferred_time;language;last_visit;visit_interval_days;overdue_days;dialogs;last_dialog_utc\r\n");
        var rows = 0;
        string? after = null;
        do
        {
            var page = await mediator.Send(new GetClients(Filter, after, CountDue: false), HttpContext.RequestAborted);
            foreach (var c in page.Rows)
            {
                csv.AppendJoin(';', c.Id, Csv.Field(c.Name), Csv.Field(c.Phone), Csv.Field(c.PreferredStaff), Csv.Field(c.PreferredService),
                    Csv.Field(c.PreferredTime), Csv.Field(c.Language), c.LastVisit?.ToString("yyyy-MM-dd"), c.VisitInterval, c.OverdueDays, c.Sessions,
                    c.LastDialog?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"));
                csv.Append("\r\n");
            }
            rows += page.Rows.Count;
            after = page.NextCursor;
        } while (after is not null && rows < 100_000);
        await mediator.Send(new RecordExport("clients", Request.QueryString.Value ?? "", rows), HttpContext.RequestAborted);
        return File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", $"clients-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    public string Query(string? after = null)
    {
        var values = new (string Key, string? Value)[] { ("q", Q), ("due", Due), ("after", after) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
