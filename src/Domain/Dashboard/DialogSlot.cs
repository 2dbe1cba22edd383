using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// A salon's dialogs that started in one 15-minute UTC slot (<see cref="Slot"/> is its start), kept by the dialog index:
/// what the Overview's weekday × hour heatmap and the metrics collector's response times sum, whatever the salon's history. UTC, so the salon's zone is applied when
/// the rows are read (a zone changed in Settings re-reads the same rows); 15 minutes, because every zone's offset is a
/// multiple of them (+05:30, +05:45 included): a slot lies within one local hour of any zone.
/// </summary>
public sealed class DialogSlot : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateTimeOffset Slot { get; set; }
    public int Dialogs { get; set; }

    /// <summary>The slot's dialogs' answered user messages and their summed response time (<see cref="DialogFacts"/>), for the collector.</summary>
    public int Answered { get; set; }
    public decimal ResponseMsTotal { get; set; }
}
