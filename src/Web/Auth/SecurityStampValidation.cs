using System.Globalization;
using System.Security.Claims;
using AgentP.Application.Auth;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.StaticAssets;

namespace AgentP.Web.Auth;

/// <summary>
/// Checks every cookie against the database on every request (<see cref="CheckSignIn"/>, one primary-key lookup): a
/// signed-out or expired session, a deactivated user, a changed password or role end the sign-in at once, on every
/// instance. A check cached for a while inside the cookie would let a copy of it outlive the sign-out for that while.
/// </summary>
public static class SecurityStampValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Stylesheets and scripts are public and read nobody's sign-in: no lookup for each of them.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) return;

        var principal = context.Principal!;
        var valid = long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            && await context.HttpContext.RequestServices.GetRequiredService<IMediator>().Send(
                new CheckSignIn(userId, principal.FindFirstValue(DashboardClaims.SecurityStamp), DashboardClaims.GuidOf(principal, DashboardClaims.SessionId)),
                context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
