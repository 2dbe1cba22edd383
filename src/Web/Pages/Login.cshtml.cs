using System.ComponentModel.DataAnnotations;
using AgentP.Application.Auth;
using AgentP.Web.Auth;
using AgentP.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = AgentP.Application.Auth.SignInResult;
using ValidationException = FluentValidation.ValidationException;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgentP.Web.Pages;

[EnableRateLimiting(Resilience.SignInPolicy)]
public sealed class LoginModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty, Display(Name = "E-mail")] public string Email { get; set; } = "";
    [BindProperty, Display(Name = "Пароль"), DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A checkbox: anything but "true" is false. A value that is no bool at all must not reach the re-rendered form,
        // whose checkbox cannot show it (that was a 500).
        ModelState.Remove(nameof(RememberMe));
        SignInResult result;
        try
        {
            result = await mediator.Send(new SignIn(Email, Password, RememberMe), HttpContext.RequestAborted);
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.PropertyName, t[error.ErrorMessage]);
            return Page();
        }

        if (result.User is { } user)
        {
            var now = clock.GetUtcNow();
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                DashboardClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme),
                // A remembered cookie lasts as long as its server-side session; the session's end holds either way.
                // RedirectUri: on the login path the cookie handler redirects by itself, to the raw ?ReturnUrl unless told
                // where; a character a Location header cannot carry made that a 500 after the sign-in was saved.
                new AuthenticationProperties
                {
                    IsPersistent = RememberMe, IssuedUtc = now, ExpiresUtc = RememberMe ? user.SessionExpiresAt : null, RedirectUri = SafeReturnUrl,
                });
            return LocalRedirect(SafeReturnUrl);
        }

        // One answer for every refusal (see SignInResult); the hint below the form covers lockout and deactivation.
        ModelState.AddModelError("", t["Неверный e-mail или пароль."]);
        Failed = true;
        Password = "";
        return Page();
    }

    private string SafeReturnUrl => RedirectTarget.Local(Url, ReturnUrl, "/");
}
