using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application.Common;

/// <summary>
/// The opening hours of the unit of work's scope (<see cref="OpeningHours"/>: the salon's setting, else 10:00 to the bot's
/// closing time), read through the scope like the zones (<see cref="TenantTimeZones"/>) and cached with the settings: a salon's
/// own, or every salon's for the all-salons view. The bot's closing time is its own table's: a change there shows once the
/// entry expires.
/// </summary>
public sealed class TenantOpeningHours(ScopedCache cache)
{
    public async Task<ScopeHours> ForScopeAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        // Cached as each salon's hours in text (OpeningHours.Key reads back to the same hours), only those not the default.
        var keys = await cache.GetAsync(CacheTags.Settings, 0, static async (services, _, ct) =>
        {
            var settings = await services.GetRequiredService<IDashboardDb>().TenantSettings.AsNoTracking().Where(s => s.OpeningHours != null)
                .Select(s => new { s.TenantId, s.OpeningHours }).ToListAsync(ct);
            var closing = (await services.GetRequiredService<IPublicData>().Tenants.Select(t => new { t.Id, t.Metadata }).ToListAsync(ct))
                .Where(t => t.Metadata.ClosingTimeOverride is not null).ToDictionary(t => t.Id, t => t.Metadata.ClosingTimeOverride);
            var hours = settings.ToDictionary(s => s.TenantId, s => s.OpeningHours);
            return hours.Keys.Union(closing.Keys)
                .Select(id => (Id: id, Hours: OpeningHours.Of(hours.GetValueOrDefault(id), closing.GetValueOrDefault(id))))
                .Where(s => !s.Hours.Equals(OpeningHours.Default)).ToDictionary(s => s.Id, s => s.Hours.Key);
        }, cancellationToken, "opening-hours");
        var salons = keys.ToDictionary(k => k.Key, k => OpeningHours.Of(k.Value.Split(','), null));
        return tenantId is { } id
            ? new ScopeHours(salons.GetValueOrDefault(id) ?? OpeningHours.Default, new Dictionary<Guid, OpeningHours>())
            : new ScopeHours(OpeningHours.Default, salons);
    }
}
