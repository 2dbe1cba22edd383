using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Security;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Metrics;

/// <summary>
/// What the hourly job does: for every active salon, collect each closed day that has no metrics row yet, from the
/// salon's first dialog on (at most <c>Dashboard:MetricsBackfillDays</c> back, catching up after downtime), and
/// collect the last closed day again for rows the bot wrote late. A salon's day closes at its local midnight.
/// </summary>
[Changes(CacheTags.Figures, CacheTags.Attention)]
public sealed record CollectMissingMetrics : IRequest<MissingMetricsResult>, ISystemRequest;

public sealed record MissingMetricsResult(int Tenants, int Days, int Rows, IReadOnlyList<string> Errors);

public sealed class CollectMissingMetricsHandler(
    IPublicData bot, IDashboardDb db, TenantTimeZones zones, MetricsChunks chunks, IOptions<DashboardOptions> options, TimeProvider clock)
    : IRequestHandler<CollectMissingMetrics, MissingMetricsResult>
{
    public async Task<MissingMetricsResult> Handle(CollectMissingMetrics request, CancellationToken cancellationToken)
    {
        var tenants = await bot.Tenants.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        int days = 0, rows = 0;
        var errors = new List<string>();

        foreach (var tenantId in tenants)
        {
            var zone = await zones.ForAsync(tenantId, cancellationToken);
            var lastClosed = LocalDay.Of(now, zone).AddDays(-1);
            // idx_sessions_started answers min(started_at) for a salon without reading its history.
            var first = await bot.Sessions.Where(s => s.TenantId == tenantId)
                .MinAsync(s => (DateTimeOffset?)s.StartedAt, cancellationToken);
            if (first is null) continue;

            var start = LocalDay.Of(first.Value, zone);
            var earliest = lastClosed.AddDays(1 - options.Value.MetricsBackfillDays);
            if (start < earliest) start = earliest;
            if (start > lastClosed) continue;

            var collected = (await db.MetricsDailies
                .Where(m => m.TenantId == tenantId && m.Day >= start && m.Day < lastClosed)
                .Select(m => m.Day).ToListAsync(cancellationToken)).ToHashSet();

            foreach (var (from, to) in MissingRanges(start, lastClosed, collected))
            {
                var result = await chunks.CollectAsync(from, to, tenantId, null, cancellationToken);
                days += result.Days;
                rows += result.Rows;
                if (!result.Succeeded) errors.Add($"{tenantId} {result.FailedFrom:yyyy-MM-dd}: {result.Error}");
            }
        }
        return new MissingMetricsResult(tenants.Count, days, rows, errors);
    }

    /// <summary>Runs of consecutive days in [from, lastClosed] without a row; <paramref name="lastClosed"/> is always included.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> MissingRanges(DateOnly from, DateOnly lastClosed, IReadOnlySet<DateOnly> collected)
    {
        DateOnly? runStart = null;
        for (var day = from; day <= lastClosed; day = day.AddDays(1))
        {
            var missing = day == lastClosed || !collected.Contains(day);
            if (missing && runStart is null) runStart = day;
            if (!missing && runStart is { } open)
            {
                yield return (open, day.AddDays(-1));
                runStart = null;
            }
        }
        if (runStart is { } last) yield return (last, lastClosed);
    }
}
