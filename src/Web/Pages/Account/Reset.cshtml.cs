using Microsoft.AspNetCore.RateLimiting;
using AgentP.Web.Hosting;
using AgentP.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Account;

/// <summary>Sets a new password through the one-time link an admin passed on; no sign-in needed.</summary>
[AllowAnonymous]
// Every check of a password counts toward the same per-address limit as the sign-in form.
[EnableRateLimiting(Resilience.SignInPolicy)]
public sealed class ResetModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new ResetPassword(Token, New, Confirm), HttpContext.RequestAborted);
            Done = true;
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        New = Confirm = null;
        return Page();
    }
}
