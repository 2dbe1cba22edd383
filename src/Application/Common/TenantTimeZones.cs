using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common;

/// <summary>
/// The time zone a salon's days are counted in (DESIGN §5). Every page needs it, so a salon's zone is reused for
/// <see cref="DashboardOptions.ReportCacheSeconds"/> like the figures it dates; saving the salon's settings on this
/// instance forgets it at once, another instance follows within that time.
/// </summary>
public sealed class TenantTimeZones(IDashboardDb db, IMemoryCache cache, IOptions<DashboardOptions> options)
{
    public TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    /// <summary>The zone of a salon whose settings row is already loaded (or has none).</summary>
    public TimeZoneInfo Of(Domain.Dashboard.TenantSettings? settings) =>
        settings?.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not { } tenant) return Default;
        var seconds = options.Value.ReportCacheSeconds;
        if (seconds <= 0 || !cache.TryGetValue(Key(tenant), out string? id))
        {
            id = await db.TenantSettings.Where(s => s.TenantId == tenant).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "";
            if (seconds > 0) cache.Set(Key(tenant), id, TimeSpan.FromSeconds(seconds));
        }
        return id is { Length: > 0 } ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;
    }

    public void Forget(Guid tenantId) => cache.Remove(Key(tenantId));

    private static (string, Guid) Key(Guid tenantId) => (nameof(TenantTimeZones), tenantId);
}
