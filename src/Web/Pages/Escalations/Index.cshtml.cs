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

    public async Task<IActionResult> OnGetExportAsync() =>
        new CsvFile<EscalationView>(await mediator.Send(new ExportEscalations(State), HttpContext.RequestAborted), Columns);

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
