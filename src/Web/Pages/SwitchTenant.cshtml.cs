using AgentP.Application.Common.Exceptions;
using AgentP.Application.Tenants;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages;

/// <summary>The super_admin picks a salon (or all); the choice lives in the auth cookie.</summary>
[Authorize(Roles = "super_admin")]
public sealed class SwitchTenantModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(Guid? tenantId, string? returnUrl)
    {
        string? name = null;
        if (tenantId is { } id)
        {
            var tenants = await mediator.Send(new GetTenantChoices(), HttpContext.RequestAborted);
            name = tenants.FirstOrDefault(t => t.Id == id)?.Name ?? throw new NotFoundException("Салон не найден.");
        }

        var current = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            DashboardClaims.WithSelectedTenant(User, tenantId, name), current.Properties);
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/"));
    }
}
