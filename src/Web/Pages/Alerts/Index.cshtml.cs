using AgentP.Application.Alerts;
using AgentP.Application.Common;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Alerts;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public AlertList? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetAlerts(Filter));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportAlerts(Filter), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<AlertExportRow> Spreadsheet(Export<AlertExportRow> e) => new([
        .. e.AllSalons ? [("Салон", (csv, r) => csv.WriteText(r.Salon))] : Array.Empty<(string, Action<CsvHelper.CsvWriter, AlertExportRow>)>(),
        ("Номер", (csv, r) => csv.WriteField(r.Id, "D")),
        ("День", (csv, r) => csv.WriteField(r.Day, "dd.MM.yyyy")),
        ("Что случилось", (csv, r) => csv.WriteField(Labels.AlertKind(r.Kind))),
        ("Важность", (csv, r) => csv.WriteField(Labels.Severity(r.Severity))),
        ("Порог", (csv, r) => csv.WriteField(r.Threshold, "0.##")),
        ("Было", (csv, r) => csv.WriteField(r.Actual, "0.##")),
        ("Описание", (csv, r) => csv.WriteText(r.Description)),
        (e.Local("Сработал"), (csv, r) => csv.WriteLocal(r.TriggeredAt, e.Zone)),
        (e.Local("Просмотрен"), (csv, r) => csv.WriteLocal(r.AcknowledgedAt, e.Zone)),
        (e.Local("Уведомление отправлено"), (csv, r) => csv.WriteLocal(r.NotifiedAt, e.Zone))]);

    private AlertFilter Filter => new(State, Kind, Severity, From, To);

    private static readonly CsvColumns<AlertExportRow> Columns = new(
        ("id", (csv, r) => csv.WriteField(r.Id, "D")),
        ("salon", (csv, r) => csv.WriteText(r.Salon)),
        ("day", (csv, r) => csv.WriteField(r.Day, "yyyy-MM-dd")),
        ("kind", (csv, r) => csv.WriteText(r.Kind.ToCode())),
        ("severity", (csv, r) => csv.WriteText(r.Severity.ToCode())),
        ("threshold", (csv, r) => csv.WriteField(r.Threshold)),
        ("actual", (csv, r) => csv.WriteField(r.Actual)),
        ("description", (csv, r) => csv.WriteText(r.Description)),
        ("triggered_at_utc", (csv, r) => csv.WriteUtc(r.TriggeredAt)),
        ("acknowledged_at_utc", (csv, r) => csv.WriteUtc(r.AcknowledgedAt)),
        ("notified_at_utc", (csv, r) => csv.WriteUtc(r.NotifiedAt)));

    /// <summary>The export of what the page shows: its own query string, the filter.</summary>
    public string ExportHref => "/alerts?handler=export" + (Request.QueryString.HasValue ? "&" + Request.QueryString.Value![1..] : "");

    /// <summary><c>POST /alerts?handler=acknowledge&amp;id=…</c>: admins only (the request says so), audited.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? returnUrl)
    {
        await mediator.Send(new AcknowledgeAlert(id), HttpContext.RequestAborted);
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/alerts"));
    }
}
