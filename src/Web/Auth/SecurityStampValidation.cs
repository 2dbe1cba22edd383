using System.Globalization;
using System.Security.Claims;
using AgentP.Application.Auth;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AgentP.Web.Auth;

/// <summary>
/// Re-checks a cookie's security stamp against <c>dashboard.users</c> at most once a minute per sign-in: a user who was
/// deactivated, or whose password or role changed, is signed out within a minute on every instance.
/// </summary>
public static class SecurityStampValidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const string CheckedKey = "agentp.stamp_checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < Interval)
            return;

        var principal = context.Principal!;
        var valid = long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            && await services.GetRequiredService<IMediator>().Send(
                new CheckSignIn(userId, principal.FindFirstValue(DashboardClaims.SecurityStamp)), context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.Items[CheckedKey] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
