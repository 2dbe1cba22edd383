using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Home;

/// <summary>Today's live dialogs and bookings of the salon (or of all salons for a super_admin), from <c>public</c>.</summary>
[Authorize]
public sealed record GetToday(Guid? TenantId = null) : IRequest<TodayFigures>, IAllowsAllTenants;

public sealed record TodayFigures(string? SalonName, DateOnly Day, string TimeZone, int Dialogs, int Bookings);

public sealed class GetTodayHandler(IPublicData bot, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock)
    : IRequestHandler<GetToday, TodayFigures>
{
    public async Task<TodayFigures> Handle(GetToday request, CancellationToken cancellationToken)
    {
        string? salon = null;
        if (tenant.TenantId is { } id)
        {
            salon = await bot.Tenants.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new Common.Exceptions.NotFoundException("Салон не найден.");
        }
        var zone = await zones.ForAsync(tenant.TenantId, cancellationToken);
        var today = LocalDay.Of(clock.GetUtcNow(), zone);
        var (from, to) = LocalDay.UtcRange(today, today, zone);

        // idx_sessions_started bounds the scan to today's rows; the tenant filter narrows them further.
        var counts = await bot.Sessions.Where(s => s.StartedAt >= from && s.StartedAt < to)
            .GroupBy(_ => 1)
            .Select(g => new { Dialogs = g.Count(), Bookings = g.Count(s => s.BookingId != null) })
            .FirstOrDefaultAsync(cancellationToken);
        return new TodayFigures(salon, today, zone.Id, counts?.Dialogs ?? 0, counts?.Bookings ?? 0);
    }
}
