using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common;

/// <summary>
/// The time zone a salon's days are counted in. Every page needs it, so a salon's zone is cached like the figures it
/// dates. It is read through the unit of work's scope like any tenant data: a salon's own, or any salon's for a super_admin's
/// "all salons" and for the system (a job) — never outside a scope, where it would find no settings and fall back to the
/// default zone.
/// </summary>
public sealed class TenantTimeZones(ScopedCache cache, IOptions<DashboardOptions> options)
{
    public TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    /// <summary>The zone of a salon whose settings row is already loaded (or has none).</summary>
    public TimeZoneInfo Of(Domain.Dashboard.TenantSettings? settings) =>
        Known(settings?.TimeZone) ?? Default;

    /// <summary>
    /// The zones of the unit of work's scope: one salon's, or for all salons the default plus every salon whose settings name
    /// another zone, so that a salon-local day can be applied to each salon's dialogs in its own zone.
    /// </summary>
    public async Task<ScopeZones> ForScopeAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not null) return new ScopeZones(await ForAsync(tenantId, cancellationToken), new Dictionary<Guid, TimeZoneInfo>());
        var ids = await cache.GetAsync(CacheTags.Settings, 0, static async (services, _, ct) =>
            await services.GetRequiredService<IDashboardDb>().TenantSettings.Where(s => s.TimeZone != null).ToDictionaryAsync(s => s.TenantId, s => s.TimeZone!, ct),
            cancellationToken, "time-zones");
        var fallback = Default;
        return new ScopeZones(fallback, ids.Select(z => (z.Key, Zone: Known(z.Value))).Where(z => z.Zone is not null && z.Zone.Id != fallback.Id)
            .ToDictionary(z => z.Key, z => z.Zone!));
    }

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not { } tenant) return Default;
        var id = await cache.GetAsync(CacheTags.Settings, tenant, static async (services, tenant, ct) =>
            await services.GetRequiredService<IDashboardDb>().TenantSettings.Where(s => s.TenantId == tenant).Select(s => s.TimeZone).FirstOrDefaultAsync(ct) ?? "",
            cancellationToken, "time-zone", tenant);
        return Known(id) ?? Default;
    }

    /// <summary>
    /// The zone named, or null for none or one this host does not know: the settings form offers known zones only, but a
    /// row written by SQL may name any, and one salon's typo must not fail every all-salons page.
    /// Only the canonical ids the form offers count: .NET also finds other spellings («Europe//Moscow») that PostgreSQL's
    /// <c>AT TIME ZONE</c> refuses, and a statement given one failed.
    /// </summary>
    private static TimeZoneInfo? Known(string? id) => Settings.UpdateSettingsValidator.IsTimeZone(id) ? TimeZoneInfo.FindSystemTimeZoneById(id!) : null;
}
