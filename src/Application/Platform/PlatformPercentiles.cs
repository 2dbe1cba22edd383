using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Domain.Common;

namespace AgentP.Application.Platform;

/// <summary>
/// The one definition of a salon's place among the platform's salons (<see cref="SalonPercentiles"/>), for a salon's Overview
/// and for <c>/platform</c> alike: every active salon's collected days of the range (<see cref="IPlatformFigures"/>) before the
/// platform's today (the default zone's), so today's dialogs count once collected and every viewer, in any zone, sees the
/// same places for the same range.
/// </summary>
public sealed class PlatformPercentiles(IPlatformFigures platform, ScopedCache cache, TenantTimeZones zones, TimeProvider clock)
{
    /// <param name="collectedAt">The viewer's latest collection: a new one is a new entry.</param>
    public async Task<IReadOnlyList<SalonFigures>> FiguresAsync(DateOnly from, DateOnly to, DateTimeOffset? collectedAt, CancellationToken cancellationToken)
    {
        var lastClosed = LocalDay.Of(clock.GetUtcNow(), zones.Default).AddDays(-1);
        var until = to < lastClosed ? to : lastClosed;
        if (until < from) return [];
        return await cache.GetAsync(CacheTags.Figures, ct => platform.OfAsync(from, until, ct), cancellationToken, "platform-figures", from, until, collectedAt);
    }

    /// <summary>One salon's places; null when it has no collected dialogs in the range or too few salons have.</summary>
    public async Task<SalonPercentiles?> OfAsync(Guid tenantId, DateOnly from, DateOnly to, DateTimeOffset? collectedAt, CancellationToken cancellationToken) =>
        SalonPercentiles.Of(tenantId, await FiguresAsync(from, to, collectedAt, cancellationToken));
}
