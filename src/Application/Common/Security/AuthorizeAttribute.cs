using System.Reflection;
using AgentP.Domain.Common;

namespace AgentP.Application.Common.Security;

/// <summary>
/// Declares who may send a request; the authorization behaviour enforces it, so a page cannot forget.
/// No roles = any signed-in user.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;

    /// <summary>
    /// Whether a signed-in user of <paramref name="role"/> may send a request of <paramref name="request"/>'s type: its
    /// <see cref="AuthorizeAttribute"/>'s roles (none: anyone signed in), and a super_admin only for an <see cref="IPlatformWide"/>
    /// one. The authorization behaviour enforces it; the menu shows a page by its request's answer, so the two never disagree.
    /// </summary>
    public static bool Allows(Type request, Role role) =>
        request.GetCustomAttribute<AuthorizeAttribute>() is not { Roles.Count: > 0 } requirement || requirement.Roles.Contains(role)
            ? !typeof(IPlatformWide).IsAssignableFrom(request) || role == Role.SuperAdmin
            : false;
}
