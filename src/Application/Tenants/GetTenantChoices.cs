using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Tenants;

/// <summary>The salons a super_admin can pick in the tenant switcher.</summary>
[Authorize(Role.SuperAdmin)]
public sealed record GetTenantChoices : IRequest<IReadOnlyList<TenantChoice>>;

public sealed record TenantChoice(Guid Id, string Name, bool IsActive);

public sealed class GetTenantChoicesHandler(IPublicData bot) : IRequestHandler<GetTenantChoices, IReadOnlyList<TenantChoice>>
{
    // Only a super_admin gets here (see the attribute), and a super_admin may see every salon.
    public async Task<IReadOnlyList<TenantChoice>> Handle(GetTenantChoices request, CancellationToken cancellationToken) =>
        await bot.Tenants.IgnoreQueryFilters().OrderBy(t => t.Name)
            .Select(t => new TenantChoice(t.Id, t.Name, t.IsActive)).ToListAsync(cancellationToken);
}
