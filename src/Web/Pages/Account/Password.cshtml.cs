using Microsoft.AspNetCore.RateLimiting;
using AgentP.Web.Hosting;
using AgentP.Application.Account;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Account;

// Every check of a password counts toward the same per-address limit as the sign-in form.
[EnableRateLimiting(Resilience.SignInPolicy)]
public sealed class PasswordModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [TempData] public string? Notice { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var stamp = await mediator.Send(new ChangePassword(Current, New, Confirm), HttpContext.RequestAborted);
            // Every other sign-in of this user ends (the stamp changed); this one carries on with the new stamp.
            var current = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardClaims.WithSecurityStamp(User, stamp), current.Properties);
            Notice = "Пароль изменён.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            Current = New = Confirm = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
