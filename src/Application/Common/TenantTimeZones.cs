using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common;

/// <summary>The time zone a salon's days are counted in (DESIGN §5).</summary>
public sealed class TenantTimeZones(IDashboardDb db, IOptions<DashboardOptions> options)
{
    public TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    /// <summary>The zone of a salon whose settings row is already loaded (or has none).</summary>
    public TimeZoneInfo Of(Domain.Dashboard.TenantSettings? settings) =>
        settings?.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is null) return Default;
        var id = await db.TenantSettings.Where(s => s.TenantId == tenantId).Select(s => s.TimeZone)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? Default : TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
