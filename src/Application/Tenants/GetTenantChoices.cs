using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;

namespace AgentP.Application.Tenants;

/// <summary>The salons a super_admin can pick in the tenant switcher.</summary>
[Authorize(Role.SuperAdmin)]
public sealed record GetTenantChoices : IRequest<IReadOnlyList<TenantChoice>>, IPlatformWide;

public sealed record TenantChoice(Guid Id, string Name, bool IsActive);

public sealed class GetTenantChoicesHandler(SalonDirectory salons) : IRequestHandler<GetTenantChoices, IReadOnlyList<TenantChoice>>
{
    public Task<IReadOnlyList<TenantChoice>> Handle(GetTenantChoices request, CancellationToken cancellationToken) => salons.AllAsync(cancellationToken);
}
