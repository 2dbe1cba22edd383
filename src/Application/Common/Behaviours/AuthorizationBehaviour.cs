using System.Reflection;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;

namespace AgentP.Application.Common.Behaviours;

/// <summary>
/// Enforces who may send the request: the <see cref="AuthorizeAttribute"/> declared on its type, the process itself for an
/// <see cref="ISystemRequest"/>, a super_admin for an <see cref="IPlatformWide"/> one. Runs before validation, so an
/// unauthorised caller learns nothing from a validator that reads the database.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute? Requirement = typeof(TRequest).GetCustomAttribute<AuthorizeAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ISystemRequest && !user.IsSystem) throw new ForbiddenAccessException();
        if (Requirement is not null || request is IPlatformWide)
        {
            if (!user.IsAuthenticated || user.Role is not { } role) throw new UnauthorizedAccessException();
            if (!AuthorizeAttribute.Allows(typeof(TRequest), role)) throw new ForbiddenAccessException();
        }
        return next();
    }
}
