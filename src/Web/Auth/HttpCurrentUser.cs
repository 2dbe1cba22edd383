using System.Globalization;
using System.Security.Claims;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;

namespace AgentP.Web.Auth;

/// <summary>The signed-in user of the current HTTP request, read from the auth cookie's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    /// <summary>A job's scope has no HTTP context; every web request has one.</summary>
    public bool IsSystem => accessor.HttpContext is null;
    public long? UserId => long.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    public Role? Role => IsAuthenticated ? DashboardClaims.RoleOf(Principal!) : null;
    public Guid? TenantId => IsAuthenticated ? DashboardClaims.GuidOf(Principal!, DashboardClaims.TenantId) : null;
    public Guid? SelectedTenantId => IsAuthenticated ? DashboardClaims.GuidOf(Principal!, DashboardClaims.SelectedTenantId) : null;
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
}
