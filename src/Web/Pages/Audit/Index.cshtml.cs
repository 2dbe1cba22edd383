using AgentP.Application.AuditLog;
using AgentP.Application.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Audit;

[Authorize(Roles = "super_admin,admin")]
public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserEmail { get; set; }

    public AuditPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        long? before = Before is null ? null : long.TryParse(Before, out var id) ? id : -1;
        Result = await QueryAsync(mediator, new GetAuditLog(Action, From, To, before, UserEmail));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportAuditLog(Action, From, To, UserEmail), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<AuditRow> Spreadsheet(Export<AuditRow> e) => new(
        ("Номер", (csv, a) => csv.WriteField(a.Id, "D")),
        (e.Local("Когда"), (csv, a) => csv.WriteLocal(a.At, e.Zone)),
        ("Кто", (csv, a) => csv.WriteText(a.UserName ?? a.User)),
        ("Действие", (csv, a) => csv.WriteText(Labels.AuditAction(a.Action))),
        ("Что сделано", (csv, a) => csv.WriteText(a.Description)),
        ("Адрес IP", (csv, a) => csv.WriteText(a.Ip)),
        ("Браузер", (csv, a) => csv.WriteText(a.UserAgent)));

    private static readonly CsvColumns<AuditRow> Columns = new(
        ("id", (csv, a) => csv.WriteField(a.Id, "D")),
        ("at_utc", (csv, a) => csv.WriteUtc(a.At)),
        ("user", (csv, a) => csv.WriteText(a.User)),
        ("action", (csv, a) => csv.WriteText(a.Action)),
        ("description", (csv, a) => csv.WriteText(a.Description)),
        ("ip", (csv, a) => csv.WriteText(a.Ip)),
        ("user_agent", (csv, a) => csv.WriteText(a.UserAgent)));

    public string Query(long? before)
    {
        var values = new (string Key, string? Value)[] { ("action", Action), ("useremail", UserEmail), ("from", From), ("to", To), ("before", before?.ToString()) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
