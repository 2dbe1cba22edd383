using System.Globalization;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Common;

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
