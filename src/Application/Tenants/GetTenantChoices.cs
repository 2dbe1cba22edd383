using AgentP.Application.Common;
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

public sealed class GetTenantChoicesHandler(IPublicData bot, Reused reused) : IRequestHandler<GetTenantChoices, IReadOnlyList<TenantChoice>>
{
    public Task<IReadOnlyList<TenantChoice>> Handle(GetTenantChoices request, CancellationToken cancellationToken) =>
        AllAsync(bot, reused, cancellationToken);

    /// <summary>Every salon by name, for a super_admin only (they may see every salon). The bot adds salons rarely: <see cref="Reused"/>.</summary>
    public static Task<IReadOnlyList<TenantChoice>> AllAsync(IPublicData bot, Reused reused, CancellationToken cancellationToken) =>
        reused.GetAsync<IReadOnlyList<TenantChoice>>(nameof(GetTenantChoices), null, async () =>
            await bot.Tenants.IgnoreQueryFilters().OrderBy(t => t.Name)
                .Select(t => new TenantChoice(t.Id, t.Name, t.IsActive)).ToListAsync(cancellationToken));
}
