using AgentP.Application.Common.Security;
using MediatR;

namespace AgentP.Application.Attention;

/// <summary>What needs attention, next to the menu items on every page: open alerts and clients waiting for a human.</summary>
[Authorize]
public sealed record GetAttentionCounts(Guid? TenantId = null) : IRequest<AttentionCounts>, IAllowsAllTenants;

public sealed record AttentionCounts(int OpenAlerts, int WaitingEscalations);

public sealed class GetAttentionCountsHandler(AttentionCounter counter) : IRequestHandler<GetAttentionCounts, AttentionCounts>
{
    public Task<AttentionCounts> Handle(GetAttentionCounts request, CancellationToken cancellationToken) => counter.CountAsync(cancellationToken);
}
