using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application.Overview;

/// <summary>
/// The heatmap of a period in the unit of work's scope (what the Overview shows), cached like the Overview's figures: a
/// collection or new dialogs show within the cache's time.
/// </summary>
public sealed class DialogHeatmaps(ITenantContext tenant, TenantTimeZones zones, ScopedCache cache)
{
    public async Task<DialogHeatmap> ForAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        // Each salon's zone from the one source, as a value (a salon that moves to another zone is a new key).
        var scopeZones = await zones.ForScopeAsync(scope, cancellationToken);
        var cells = await cache.GetAsync(CacheTags.Figures, (scope, period.From, period.To, Zones: scopeZones), static (services, s, ct) =>
                services.GetRequiredService<IDialogHeatmapQuery>().CountAsync(s.scope, s.From, s.To, s.Zones, ct),
            cancellationToken, "dialog-heatmap", period.From, period.To, scopeZones.Default.Id, scopeZones.Key);
        var counts = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
        foreach (var (weekday, hour, dialogs) in cells)
            counts[weekday - 1][hour] += dialogs;
        return new DialogHeatmap(period, counts);
    }
}
