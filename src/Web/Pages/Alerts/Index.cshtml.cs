using AgentP.Application.Alerts;
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
        Result = await QueryAsync(mediator, new GetAlerts(State, Kind, Severity, From, To));
        return Page();
    }

    /// <summary><c>POST /alerts?handler=acknowledge&amp;id=…</c>: admins only (the request says so), audited.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? returnUrl)
    {
        await mediator.Send(new AcknowledgeAlert(id), HttpContext.RequestAborted);
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/alerts"));
    }
}
