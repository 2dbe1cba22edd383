using AgentP.Application.Common;
using AgentP.Application.Escalations;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Escalations;

public sealed class IndexModel(IMediator mediator, TimeProvider clock) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [TempData] public string? Notice { get; set; }

    public EscalationList? Result { get; private set; }
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetEscalations(State));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportEscalations(State), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<EscalationView> Spreadsheet(Export<EscalationView> e) => new([
        .. e.AllSalons ? [("Салон", (csv, c) => csv.WriteText(c.Salon))] : Array.Empty<(string, Action<CsvHelper.CsvWriter, EscalationView>)>(),
        ("Номер", (csv, c) => csv.WriteField(c.Id, "D")),
        ("Клиент", (csv, c) => csv.WriteText(c.ClientName)),
        ("Телефон", (csv, c) => csv.WritePhone(c.Phone)),
        ("Канал", (csv, c) => csv.WriteField(c.Channel is { } channel ? Labels.Channel(channel) : null)),
        ("Диалог", (csv, c) => csv.WriteField(c.SessionId, "D")),
        ("Состояние", (csv, c) => csv.WriteField(c.Status == AgentP.Domain.Common.EscalationStatus.Resolved ? "Закрыто" : "Ждёт ответа")),
        ("Причина", (csv, c) => csv.WriteText(c.Reason is null ? null : Labels.EscalationReason(c.Reason))),
        ("Сводка", (csv, c) => csv.WriteText(c.Summary)),
        (e.Local("Передано человеку"), (csv, c) => csv.WriteLocal(c.EscalatedAt, e.Zone)),
        (e.Local("Ждёт с"), (csv, c) => csv.WriteLocal(c.WaitingSince, e.Zone)),
        ("Открывалось заново, раз", (csv, c) => csv.WriteField(c.ReopenCount, "D")),
        ("Диалогов", (csv, c) => csv.WriteField(c.Dialogs, "D")),
        (e.Local("Закрыто"), (csv, c) => csv.WriteLocal(c.ClosedAt, e.Zone)),
        ("Как закрыто", (csv, c) => csv.WriteText(c.ClosureReason)),
        ("Кто закрыл", (csv, c) => csv.WriteText(c.ClosedBy))]);

    private static readonly CsvColumns<EscalationView> Columns = new(
        ("id", (csv, c) => csv.WriteField(c.Id, "D")),
        ("salon", (csv, c) => csv.WriteText(c.Salon)),
        ("client", (csv, c) => csv.WriteText(c.ClientName)),
        ("phone", (csv, c) => csv.WriteText(c.Phone)),
        ("channel", (csv, c) => csv.WriteText(c.Channel?.ToCode())),
        ("session_id", (csv, c) => csv.WriteField(c.SessionId, "D")),
        ("status", (csv, c) => csv.WriteText(c.Status.ToCode())),
        ("reason", (csv, c) => csv.WriteText(c.Reason)),
        ("summary", (csv, c) => csv.WriteText(c.Summary)),
        ("escalated_at_utc", (csv, c) => csv.WriteUtc(c.EscalatedAt)),
        ("waiting_since_utc", (csv, c) => csv.WriteUtc(c.WaitingSince)),
        ("reopen_count", (csv, c) => csv.WriteField(c.ReopenCount, "D")),
        ("dialogs", (csv, c) => csv.WriteField(c.Dialogs, "D")),
        ("closed_at_utc", (csv, c) => csv.WriteUtc(c.ClosedAt)),
        ("closure_reason", (csv, c) => csv.WriteText(c.ClosureReason)),
        ("closed_by", (csv, c) => csv.WriteText(c.ClosedBy)));

    /// <summary><c>POST /escalations?handler=resolve&amp;id=…</c> with <c>reason</c>: any role of the salon, audited.</summary>
    public async Task<IActionResult> OnPostResolveAsync(long id, string? reason, uint? version, string? returnUrl)
    {
        var closed = await mediator.Send(new ResolveEscalation(id, reason, version), HttpContext.RequestAborted);
        Notice = closed ? "Обращение закрыто." : "Обращение уже было закрыто.";
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/escalations"));
    }
}
