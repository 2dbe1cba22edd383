using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Attention;

/// <summary>What needs attention, next to the menu items on every page: open alerts and clients waiting for a human.</summary>
[Authorize]
public sealed record GetAttentionCounts(Guid? TenantId = null) : IRequest<AttentionCounts>, IAllowsAllTenants;

public sealed record AttentionCounts(int OpenAlerts, int WaitingEscalations);

public sealed class GetAttentionCountsHandler(AttentionCounter counter) : IRequestHandler<GetAttentionCounts, AttentionCounts>
{
    public Task<AttentionCounts> Handle(GetAttentionCounts request, CancellationToken cancellationToken) => counter.CountAsync(cancellationToken);
}

/// <summary>
/// Every page asks for the counts of its scope (a salon, or every salon), so they are <see cref="Reused"/>; whatever
/// changes alerts or cases on this instance (acknowledging, resolving, a job raising alerts or opening cases) calls
/// <see cref="Changed"/> after saving, and every scope's counts are read afresh.
/// </summary>
public sealed class AttentionCounter(IDashboardDb db, ITenantContext tenant, Reused reused)
{
    public Task<AttentionCounts> CountAsync(CancellationToken cancellationToken) =>
        reused.GetAsync(nameof(AttentionCounter), (tenant.AllTenants, tenant.TenantId), async () => new AttentionCounts(
            await db.Alerts.CountAsync(a => a.AcknowledgedAt == null, cancellationToken), // ix_alerts_tenant_id_acknowledged_at
            await db.Conversations.CountAsync(c => c.Status != EscalationStatus.Resolved, cancellationToken))); // ix_conversations_tenant_id_status_escalated_at

    public void Changed() => reused.Forget(nameof(AttentionCounter));
}
