using System.ComponentModel.DataAnnotations;
using AgentP.Application.Auth;
using AgentP.Web.Auth;
using AgentP.Web.Infrastructure;
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
    /// <summary>A persistent "remember me" sign-in lasts this long without activity.</summary>
    private static readonly TimeSpan RememberFor = TimeSpan.FromDays(14);

    [BindProperty, Display(Name = "E-mail")] public string Email { get; set; } = "";
    [BindProperty, Display(Name = "Пароль"), DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        SignInResult result;
        try
        {
            result = await mediator.Send(new SignIn(Email, Password), HttpContext.RequestAborted);
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.PropertyName, t[error.ErrorMessage]);
            return Page();
        }

        if (result is { Outcome: SignInOutcome.Success, User: { } user })
        {
            var now = clock.GetUtcNow();
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                DashboardClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme),
                new AuthenticationProperties { IsPersistent = RememberMe, IssuedUtc = now, ExpiresUtc = RememberMe ? now + RememberFor : null });
            return LocalRedirect(SafeReturnUrl);
        }

        ModelState.AddModelError("", result.Outcome switch
        {
            SignInOutcome.LockedOut => t["Слишком много неудачных попыток. Попробуйте снова через {0} мин.",
                Math.Max(1, (int)Math.Ceiling((result.LockedUntil!.Value - clock.GetUtcNow()).TotalMinutes))],
            SignInOutcome.Inactive => t["Учётная запись отключена. Обратитесь к администратору салона."],
            _ => t["Неверный e-mail или пароль."],
        });
        Password = "";
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
