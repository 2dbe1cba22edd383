using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;

namespace AgentP.Application.Overview;

/// <summary>
/// Today's figures alone, computed live (what the Overview polls while its range includes today, so nothing else on the page
/// reloads): the scope's salon, or every salon for a super_admin's "all salons".
/// </summary>
[Authorize]
public sealed record GetTodayFigures(Guid? TenantId = null) : IRequest<TodayFigures>, IAllowsAllTenants;

/// <param name="Today">The salon's local date (the default zone's for all salons).</param>
/// <param name="At">When they were asked for (the live rows may be up to the cache's time older).</param>
public sealed record TodayFigures(DateOnly Today, string TimeZone, OverviewTotals Totals, DateTimeOffset At);

/// <summary>The same rows, from the same cache entry, as the Overview's today (<see cref="ReportCache.TodayAsync"/>).</summary>
public sealed class GetTodayFiguresHandler(ITenantContext tenant, TenantTimeZones zones, ReportCache reports, TimeProvider clock)
    : IRequestHandler<GetTodayFigures, TodayFigures>
{
    public async Task<TodayFigures> Handle(GetTodayFigures request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var zone = await zones.ForAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        var today = LocalDay.Of(now, zone);
        var rows = await reports.TodayAsync(scope, today, now, cancellationToken);
        return new TodayFigures(today, zone.Id, OverviewTotals.Of(rows), now);
    }
}
