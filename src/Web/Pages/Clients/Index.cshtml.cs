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
    // The retention page's drill-downs: first dialog in, and a dialog (or booking) in, a range of days.
    [BindProperty(SupportsGet = true, Name = "first_from")] public string? FirstFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "first_to")] public string? FirstTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "active_from")] public string? ActiveFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "active_to")] public string? ActiveTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public ClientPage? Result { get; private set; }
    private ClientFilter Filter => new(Q, DueOnly, FirstFrom, FirstTo, ActiveFrom, ActiveTo, Kind);

    /// <summary>The due list (most overdue first) rather than every client (newest first).</summary>
    public bool DueOnly => Due is "1" or "true" or "on";

    /// <summary>Whether a retention drill-down narrows the list.</summary>
    public bool Drilled => FirstFrom is not null || FirstTo is not null || ActiveFrom is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetClients(Filter, After));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportClients(Filter), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<ClientRow> Spreadsheet(Export<ClientRow> e) => new([
        .. e.AllSalons ? [("Салон", (csv, c) => csv.WriteText(c.Salon))] : Array.Empty<(string, Action<CsvHelper.CsvWriter, ClientRow>)>(),
        ("Клиент", (csv, c) => csv.WriteText(c.Name)),
        ("Телефон", (csv, c) => csv.WritePhone(c.Phone)),
        ("Любимый мастер", (csv, c) => csv.WriteText(c.PreferredStaff)),
        ("Любимая услуга", (csv, c) => csv.WriteText(c.PreferredService)),
        ("Удобное время", (csv, c) => csv.WriteText(c.PreferredTime is null ? null : Labels.TimePreference(c.PreferredTime))),
        ("Язык", (csv, c) => csv.WriteText(c.Language is null ? null : Labels.Language(c.Language))),
        ("Последний визит", (csv, c) => csv.WriteField(c.LastVisit, "dd.MM.yyyy")),
        ("Ходит раз в, дн.", (csv, c) => csv.WriteField(c.VisitInterval, "D")),
        ("Просрочено, дн.", (csv, c) => csv.WriteField(c.OverdueDays, "D")),
        ("Диалогов", (csv, c) => csv.WriteField(c.Sessions, "D")),
        (e.Local("Последний диалог"), (csv, c) => csv.WriteLocal(c.LastDialog, e.Zone))]);

    private static readonly CsvColumns<ClientRow> Columns = new(
        ("id", (csv, c) => csv.WriteField(c.Id, "D")),
        ("name", (csv, c) => csv.WriteText(c.Name)),
        ("phone", (csv, c) => csv.WriteText(c.Phone)),
        ("preferred_staff", (csv, c) => csv.WriteText(c.PreferredStaff)),
        ("preferred_service", (csv, c) => csv.WriteText(c.PreferredService)),
        ("preferred_time", (csv, c) => csv.WriteText(c.PreferredTime)),
        ("language", (csv, c) => csv.WriteText(c.Language)),
        ("last_visit", (csv, c) => csv.WriteField(c.LastVisit, "yyyy-MM-dd")),
        ("visit_interval_days", (csv, c) => csv.WriteField(c.VisitInterval, "D")),
        ("overdue_days", (csv, c) => csv.WriteField(c.OverdueDays, "D")),
        ("dialogs", (csv, c) => csv.WriteField(c.Sessions, "D")),
        ("last_dialog_utc", (csv, c) => csv.WriteUtc(c.LastDialog)));

    public string Query(string? after = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("q", Q), ("due", Due), ("first_from", FirstFrom), ("first_to", FirstTo), ("active_from", ActiveFrom), ("active_to", ActiveTo),
            ("kind", Kind), ("after", after),
        };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
