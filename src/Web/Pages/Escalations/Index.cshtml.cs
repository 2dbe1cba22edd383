using AgentP.Application.Escalations;
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

    /// <summary><c>POST /escalations?handler=resolve&amp;id=…</c> with <c>reason</c>: any role of the salon, audited.</summary>
    public async Task<IActionResult> OnPostResolveAsync(long id, string? reason, uint? version, string? returnUrl)
    {
        var closed = await mediator.Send(new ResolveEscalation(id, reason, version), HttpContext.RequestAborted);
        Notice = closed ? "Обращение закрыто." : "Обращение уже было закрыто.";
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/escalations"));
    }
}
