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
}
