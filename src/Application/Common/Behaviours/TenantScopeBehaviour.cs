using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AgentP.Application.Common.Behaviours;

/// <summary>
/// Resolves which salons a request may see and sets it on the <see cref="ITenantContext"/> the query filters and the cache
/// read (docs/architecture.md, "Scope"): one salon for an <see cref="ITenantScoped"/> request (or every salon for a
/// super_admin's <see cref="IAllowsAllTenants"/> one), every salon for an <see cref="IPlatformWide"/> or
/// <see cref="ISystemRequest"/> one. Handlers never add their own tenant check and never lift the filters.
/// </summary>
public sealed class TenantScopeBehaviour<TRequest, TResponse>(
    ICurrentUser user, ITenantContext tenant, ILogger<TenantScopeBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!Scope(request)) return await next();
        using (tenant.Run()) return await next();
    }

    /// <summary>Sets the request's scope; false for a request that reads no tenant data.</summary>
    private bool Scope(TRequest request)
    {
        if (request is ISystemRequest)
        {
            tenant.ScopeToSystem();
            return true;
        }
        if (request is IPlatformWide)
        {
            // The authorization behaviour let only a super_admin through.
            tenant.ScopeToAllTenants();
            return true;
        }
        if (request is not ITenantScoped scoped)
        {
            // Reads no tenant data: whatever an earlier request of this DI scope saw is not this one's to see.
            tenant.Unscope();
            return false;
        }
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
        return true;
    }
}
