using AgentP.Domain.Dashboard;

namespace AgentP.Application.Common;

/// <summary>The opening hours of a scope's salons, beside its zones (<see cref="ScopeZones"/>): what the sessions filter
/// <c>after_hours</c> tells each salon's dialogs apart by.</summary>
/// <param name="Default">The hours of every salon not in <paramref name="Salons"/> (for one salon: its own).</param>
/// <param name="Salons">Salons of an all-salons scope whose hours are not <paramref name="Default"/>.</param>
public sealed record ScopeHours(OpeningHours Default, IReadOnlyDictionary<Guid, OpeningHours> Salons)
{
    public OpeningHours Of(Guid tenantId) => Salons.TryGetValue(tenantId, out var hours) ? hours : Default;
}
