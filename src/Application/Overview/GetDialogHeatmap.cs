using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Overview;

/// <summary>
/// When clients write: the range's dialogs by weekday (Monday first) and hour of their start, in the salon's time zone (in the
/// all-salons view, each salon's dialogs in its own zone), so a salon can staff its desk when clients actually write. The
/// range reads as <see cref="GetOverview"/>'s; the same dialogs as its figures (active salons).
/// </summary>
[Authorize]
public sealed record GetDialogHeatmap(string? Range = null, string? From = null, string? To = null, Guid? TenantId = null)
    : IRequest<DialogHeatmap>, IAllowsAllTenants;

/// <summary><see cref="Counts"/>[weekday][hour]: weekday 0 is Monday, hours 0–23 local.</summary>
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

public sealed class GetDialogHeatmapValidator : AbstractValidator<GetDialogHeatmap>
{
    public GetDialogHeatmapValidator() =>
        RuleFor(x => new GetOverview(x.Range, x.From, x.To, x.TenantId, null)).SetValidator(new GetOverviewValidator()).OverridePropertyName("Range");
}

public sealed class GetDialogHeatmapHandler(DialogHeatmaps heatmaps, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock)
    : IRequestHandler<GetDialogHeatmap, DialogHeatmap>
{
    public async Task<DialogHeatmap> Handle(GetDialogHeatmap request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var period = ReportPeriod.Resolve(request.Range, request.From, request.To, LocalDay.Of(clock.GetUtcNow(), zone));
        return await heatmaps.ForAsync(period, cancellationToken);
    }
}

/// <summary>
/// The heatmap of a period in the unit of work's scope (what <see cref="GetDialogHeatmap"/> and the Overview show), cached like
/// the Overview's figures: a collection or new dialogs show within the cache's time.
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
