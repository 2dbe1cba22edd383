using AgentP.Application.Alerts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Alerts;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public AlertList? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Result = await mediator.Send(new GetAlerts(State, Kind, Severity, From, To), HttpContext.RequestAborted);
        }
        catch (ValidationException e)
        {
            Errors = e.Errors.Select(x => x.ErrorMessage).Distinct().ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary><c>POST /alerts?handler=acknowledge&amp;id=…</c>: admins only (the request says so), audited.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? returnUrl)
    {
        await mediator.Send(new AcknowledgeAlert(id), HttpContext.RequestAborted);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/alerts");
    }
}
