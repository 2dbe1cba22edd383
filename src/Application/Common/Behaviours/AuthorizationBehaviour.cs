using System.Reflection;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using MediatR;

namespace AgentP.Application.Common.Behaviours;

/// <summary>Enforces the <see cref="AuthorizeAttribute"/> declared on the request type.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute? Requirement = typeof(TRequest).GetCustomAttribute<AuthorizeAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirement is not null)
        {
            if (!user.IsAuthenticated || user.Role is not { } role) throw new UnauthorizedAccessException();
            if (Requirement.Roles.Count > 0 && !Requirement.Roles.Contains(role)) throw new ForbiddenAccessException();
        }
        return next();
    }
}
