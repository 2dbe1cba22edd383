using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Escalations;

/// <summary>
/// Whether handed-over clients were answered on time (issue 24): of the cases of the salons that set a target
/// (<c>tenant_settings.escalation_answer_minutes</c>) resolved within a span, which took at most the target from
/// <c>waiting_since</c> to <c>closed_at</c>. In the unit of work's scope (the tenant filter); the system sees every salon.
/// </summary>
public sealed class AnswerTargets(IDashboardDb db)
{
    public async Task<IReadOnlyList<ResolvedCase>> ResolvedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var targets = await db.TenantSettings.AsNoTracking().Where(s => s.EscalationAnswerMinutes > 0)
            .ToDictionaryAsync(s => s.TenantId, s => s.EscalationAnswerMinutes!.Value, cancellationToken);
        if (targets.Count == 0) return [];
        var ids = targets.Keys.ToList();
        var cases = await db.EscalationCases.AsNoTracking()
            .Where(c => ids.Contains(c.TenantId) && c.Status == EscalationStatus.Resolved && c.ClosedAt >= from && c.ClosedAt < to && c.WaitingSince != null)
            .Select(c => new { c.TenantId, c.ClosedAt, c.WaitingSince }).ToListAsync(cancellationToken);
        return cases.Select(c => new ResolvedCase(c.TenantId, c.ClosedAt!.Value,
            c.ClosedAt.Value - c.WaitingSince!.Value <= TimeSpan.FromMinutes(targets[c.TenantId]))).ToList();
    }

    /// <summary>The share on time, × 100 with 2 decimals; null when no case counts.</summary>
    public static decimal? Share(IReadOnlyCollection<ResolvedCase> cases) =>
        cases.Count == 0 ? null : Domain.Dashboard.DailyMetrics.ConversionOf(cases.Count(c => c.OnTime), cases.Count);
}
