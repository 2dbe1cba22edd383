using System.Security.Claims;
using AgentP.Application.Auth;
using AgentP.Domain.Common;

namespace AgentP.Web.Auth;

/// <summary>What the auth cookie says about the signed-in user.</summary>
public static class DashboardClaims
{
    public const string TenantId = "agentp:tenant_id";
    public const string TenantName = "agentp:tenant_name";
    public const string SelectedTenantId = "agentp:selected_tenant_id";
    public const string SelectedTenantName = "agentp:selected_tenant_name";
    public const string SecurityStamp = "agentp:security_stamp";
    /// <summary>The server-side session (<c>dashboard.user_sessions</c>) the cookie belongs to.</summary>
    public const string SessionId = "agentp:session_id";

    public static ClaimsPrincipal Principal(SignedInUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToCode()),
            new(SecurityStamp, user.SecurityStamp),
            new(SessionId, user.SessionId.ToString()),
        };
        if (user.TenantId is { } tenantId) claims.Add(new(TenantId, tenantId.ToString()));
        if (user.TenantName is { } tenantName) claims.Add(new(TenantName, tenantName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The same user with a different salon picked in the super_admin's switcher (null = all salons).</summary>
    public static ClaimsPrincipal WithSelectedTenant(ClaimsPrincipal principal, Guid? tenantId, string? tenantName)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        var claims = identity.Claims.Where(c => c.Type is not (SelectedTenantId or SelectedTenantName)).ToList();
        if (tenantId is { } id)
        {
            claims.Add(new(SelectedTenantId, id.ToString()));
            claims.Add(new(SelectedTenantName, tenantName ?? ""));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal WithSecurityStamp(ClaimsPrincipal principal, string stamp)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        var claims = identity.Claims.Where(c => c.Type != SecurityStamp).Append(new Claim(SecurityStamp, stamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Role? RoleOf(ClaimsPrincipal principal) => Codes.ParseOrNull<Role>(principal.FindFirstValue(ClaimTypes.Role));

    public static Guid? GuidOf(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var id) ? id : null;

    /// <summary>The salon the header shows: the user's own, or the one a super_admin picked.</summary>
    public static string? SalonNameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(TenantName) ?? principal.FindFirstValue(SelectedTenantName);
}
