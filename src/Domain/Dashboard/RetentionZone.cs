using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// The zone a salon's <see cref="RetentionDay"/> and <see cref="RetentionCohort"/> rows are counted in. While it differs from
/// the salon's zone of the moment (a zone changed in Settings, a salon the index has not seen yet), retention counts that
/// scope from <see cref="ClientSlot"/> instead, and the dialog index counts the salon's rows again in its new zone.
/// </summary>
public sealed class RetentionZone : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string TimeZone { get; set; } = "";
}
