using AgentP.Application.Clients;
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

    public async Task<IActionResult> OnGetExportAsync() =>
        new CsvFile<ClientRow>(await mediator.Send(new ExportClients(Filter), HttpContext.RequestAborted), Columns);

    private static readonly CsvColumns<ClientRow> Columns = new(
        ("id", (csv, c) => csv.WriteField(c.Id, "D")),
        ("name", (csv, c) => csv.WriteField(c.Name)),
        ("phone", (csv, c) => csv.WriteField(c.Phone)),
        ("preferred_staff", (csv, c) => csv.WriteField(c.PreferredStaff)),
        ("preferred_service", (csv, c) => csv.WriteField(c.PreferredService)),
        ("preferred_time", (csv, c) => csv.WriteField(c.PreferredTime)),
        ("language", (csv, c) => csv.WriteField(c.Language)),
        ("last_visit", (csv, c) => csv.WriteField(c.LastVisit, "yyyy-MM-dd")),
        ("visit_interval_days", (csv, c) => csv.WriteField(c.VisitInterval, "D")),
        ("overdue_days", (csv, c) => csv.WriteField(c.OverdueDays, "D")),
        ("dialogs", (csv, c) => csv.WriteField(c.Sessions, "D")),
        ("last_dialog_utc", (csv, c) => csv.WriteField(c.LastDialog?.UtcDateTime, "yyyy-MM-dd HH:mm:ss")));

    public string Query(string? after = null)
    {
        var values = new (string Key, string? Value)[] { ("q", Q), ("due", Due), ("after", after) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
