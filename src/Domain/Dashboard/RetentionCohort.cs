using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// A salon's clients whose first dialog fell in local month <see cref="Cohort"/> and who had a dialog (<see cref="Clients"/>),
/// and a booked one (<see cref="Booked"/>), in the later local month <see cref="Month"/>; kept by the dialog index in the
/// salon's zone (<see cref="RetentionZone"/>). Retention's cohort table, summed over salons for all of them.
/// </summary>
public sealed class RetentionCohort : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Cohort { get; set; }
    public DateOnly Month { get; set; }
    public int Clients { get; set; }
    public int Booked { get; set; }
}
