using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AgentP.Application.Common.Behaviours;

/// <summary>
/// Resolves which salon an <see cref="ITenantScoped"/> request may see and sets it on the
/// <see cref="ITenantContext"/> the query filters read (DESIGN §6). Handlers never add their own tenant check.
/// </summary>
public sealed class TenantScopeBehaviour<TRequest, TResponse>(
    ICurrentUser user, ITenantContext tenant, ILogger<TenantScopeBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITenantScoped scoped) return next();
        if (!user.IsAuthenticated || user.Role is not { } role) throw new UnauthorizedAccessException();

        if (role == Role.SuperAdmin)
        {
            if ((scoped.TenantId ?? user.SelectedTenantId) is { } chosen) tenant.ScopeTo(chosen);
            else if (request is IAllowsAllTenants) tenant.ScopeToAllTenants();
            else throw new TenantRequiredException();
        }
        else
        {
            if (user.TenantId is not { } own) throw new ForbiddenAccessException();
            if (scoped.TenantId is { } named && named != own)
            {
                logger.LogWarning("User {UserId} of tenant {OwnTenant} asked {Request} for tenant {NamedTenant}",
                    user.UserId, own, typeof(TRequest).Name, named);
                throw new NotFoundException();
            }
            tenant.ScopeTo(own);
        }
        return next();
    }
}
