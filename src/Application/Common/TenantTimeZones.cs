using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common;

/// <summary>
/// The time zone a salon's days are counted in. Every page needs it, so a salon's zone is cached like the figures it
/// dates. It is read through the unit of work's scope like any tenant data: a salon's own, or any salon's for a super_admin's
/// "all salons" and for the system (a job) — never outside a scope, where it would find no settings and fall back to the
/// default zone.
/// </summary>
public sealed class TenantTimeZones(IDashboardDb db, ScopedCache cache, IOptions<DashboardOptions> options)
{
    public TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    /// <summary>The zone of a salon whose settings row is already loaded (or has none).</summary>
    public TimeZoneInfo Of(Domain.Dashboard.TenantSettings? settings) =>
        settings?.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not { } tenant) return Default;
        var id = await cache.GetAsync(CacheTags.Settings, async ct =>
            await db.TenantSettings.Where(s => s.TenantId == tenant).Select(s => s.TimeZone).FirstOrDefaultAsync(ct) ?? "",
            cancellationToken, "time-zone", tenant);
        return id is { Length: > 0 } ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;
    }
}
