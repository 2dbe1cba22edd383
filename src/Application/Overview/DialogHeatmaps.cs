using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;

namespace AgentP.Application.Overview;

/// <summary>
/// When clients write: the range's dialogs by weekday (Monday first) and hour of their start, in the salon's time zone (in the
/// all-salons view, each salon's dialogs in its own zone), so a salon can staff its desk when clients actually write. Part of
/// <see cref="GetOverview"/>'s report, over its period; the same dialogs as its figures (active salons).
/// <see cref="Counts"/>[weekday][hour]: weekday 0 is Monday, hours 0–23 local.
/// </summary>
public sealed record DialogHeatmap(ReportPeriod Period, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    public long Total => Counts.Sum(row => row.Sum());
    public long Max => Counts.Max(row => row.Max());
}

/// <summary>The heatmap's SQL (Infrastructure).</summary>
public interface IDialogHeatmapQuery
{
    /// <summary>
    /// Dialogs started on [<paramref name="from"/>, <paramref name="to"/>] (each salon's local days), counted by ISO weekday (1 =
    /// Monday) and local hour. <paramref name="tenantId"/>: one salon, or null for every salon.
    /// </summary>
    Task<IReadOnlyList<(int Weekday, int Hour, long Dialogs)>> CountAsync(Guid? tenantId, DateOnly from, DateOnly to, string defaultZone,
        CancellationToken cancellationToken);
}

/// <summary>
/// The heatmap of a period in the unit of work's scope (what the Overview shows), cached like the Overview's figures: a
/// collection or new dialogs show within the cache's time.
/// </summary>
public sealed class DialogHeatmaps(IDialogHeatmapQuery query, ITenantContext tenant, TenantTimeZones zones, ScopedCache cache)
{
    public async Task<DialogHeatmap> ForAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var cells = await cache.GetAsync(CacheTags.Figures, ct => query.CountAsync(scope, period.From, period.To, zones.Default.Id, ct),
            cancellationToken, "dialog-heatmap", period.From, period.To);
        var counts = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
        foreach (var (weekday, hour, dialogs) in cells)
            counts[weekday - 1][hour] += dialogs;
        return new DialogHeatmap(period, counts);
    }
}
