using System.Globalization;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
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
        Known(settings?.TimeZone) ?? Default;

    /// <summary>
    /// The zones of the unit of work's scope: one salon's, or for all salons the default plus every salon whose settings name
    /// another zone, so that a salon-local day can be applied to each salon's dialogs in its own zone.
    /// </summary>
    public async Task<ScopeZones> ForScopeAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not null) return new ScopeZones(await ForAsync(tenantId, cancellationToken), new Dictionary<Guid, TimeZoneInfo>());
        var ids = await cache.GetAsync(CacheTags.Settings, async ct =>
            await db.TenantSettings.Where(s => s.TimeZone != null).ToDictionaryAsync(s => s.TenantId, s => s.TimeZone!, ct),
            cancellationToken, "time-zones");
        var fallback = Default;
        return new ScopeZones(fallback, ids.Select(z => (z.Key, Zone: Known(z.Value))).Where(z => z.Zone is not null && z.Zone.Id != fallback.Id)
            .ToDictionary(z => z.Key, z => z.Zone!));
    }

    public async Task<TimeZoneInfo> ForAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        if (tenantId is not { } tenant) return Default;
        var id = await cache.GetAsync(CacheTags.Settings, async ct =>
            await db.TenantSettings.Where(s => s.TenantId == tenant).Select(s => s.TimeZone).FirstOrDefaultAsync(ct) ?? "",
            cancellationToken, "time-zone", tenant);
        return Known(id) ?? Default;
    }

    /// <summary>
    /// The zone named, or null for none or one this host does not know: the settings form offers known zones only, but a
    /// row written by SQL may name any, and one salon's typo must not fail every all-salons page.
    /// </summary>
    private static TimeZoneInfo? Known(string? id) => id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}

/// <param name="Default">The zone of every salon not in <paramref name="Salons"/> (for one salon: its own).</param>
/// <param name="Salons">Salons of an all-salons scope whose zone is not <paramref name="Default"/>.</param>
public sealed record ScopeZones(TimeZoneInfo Default, IReadOnlyDictionary<Guid, TimeZoneInfo> Salons)
{
    /// <summary>The zone a salon of the scope counts its days in.</summary>
    public TimeZoneInfo Of(Guid tenantId) => Salons.TryGetValue(tenantId, out var zone) ? zone : Default;

    /// <summary>
    /// The UTC instants that hold local days <paramref name="first"/>…<paramref name="last"/> of every salon of the scope: the
    /// earliest zone's start and the latest zone's end. Plain bounds for an index on a UTC time; each salon's exact days within.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Widest(DateOnly first, DateOnly last)
    {
        var zones = Salons.Values.Append(Default).DistinctBy(z => z.Id).ToList();
        return (zones.Min(z => LocalDay.StartOf(first, z)), zones.Max(z => LocalDay.StartOf(last.AddDays(1), z)));
    }

    /// <summary>Each listed salon's zone, as one cache key's part (a salon that moves to another zone is a new key).</summary>
    public string Key => string.Join(',', Salons.OrderBy(s => s.Key).Select(s => $"{s.Key:N}={s.Value.Id}"));

    /// <summary>
    /// Each listed salon's zone and its local day at <paramref name="now"/>, as one cache key's part: what a salon-local figure
    /// of the scope depends on besides the default zone's day (a salon that moves to another zone, or whose day begins, is a new key).
    /// </summary>
    public string DaysKey(DateTimeOffset now) =>
        string.Join(',', Salons.OrderBy(s => s.Key).Select(s => $"{s.Key:N}={s.Value.Id}@{LocalDay.Of(now, s.Value).DayNumber.ToString(CultureInfo.InvariantCulture)}"));
}
