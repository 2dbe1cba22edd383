using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common;

/// <summary>
/// The time zone a salon's days are counted in (DESIGN §5). Every page needs it, so a salon's zone is
/// <see cref="Reused"/> like the figures it dates; saving any salon's settings on this instance forgets them at once.
/// </summary>
public sealed class TenantTimeZones(IDashboardDb db, Reused reused, IOptions<DashboardOptions> options)
{
    public TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    /// <summary>The zone of a salon whose settings row is already loaded (or has none).</summary>
    public TimeZoneInfo Of(Domain.Dashboard.TenantSettings? settings) =>
        settings?.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not { } tenant) return Default;
        var id = await reused.GetAsync(nameof(TenantTimeZones), tenant, async () =>
            await db.TenantSettings.Where(s => s.TenantId == tenant).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "");
        return id is { Length: > 0 } ? TimeZoneInfo.FindSystemTimeZoneById(id) : Default;
    }

    public void Forget() => reused.Forget(nameof(TenantTimeZones));
}
