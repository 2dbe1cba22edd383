using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application.Attention;

/// <summary>
/// Every page asks for the counts of its scope (a salon, or every salon), so they are cached; whatever changes alerts or
/// cases declares <see cref="CacheTags.Attention"/> (acknowledging, resolving, a job raising alerts or opening cases).
/// </summary>
public sealed class AttentionCounter(ScopedCache cache)
{
    public Task<AttentionCounts> CountAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.Attention, 0, static async (services, _, ct) =>
        {
            var db = services.GetRequiredService<IDashboardDb>();
            return new AttentionCounts(
                await db.Alerts.CountAsync(a => a.AcknowledgedAt == null, ct), // ix_alerts_tenant_id_acknowledged_at
                await db.EscalationCases.CountAsync(c => c.Status != EscalationStatus.Resolved, ct)); // ix_conversations_tenant_id_status_escalated_at
        }, cancellationToken, "attention-counts");
}
