using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// Of a salon's clients with a dialog on local day <see cref="Day"/>, how many had their previous dialog day <see cref="Gap"/>
/// days before (0: none, the first dialog ever; 32: 32 days or more), kept by the dialog index in the salon's zone
/// (<see cref="RetentionZone"/>). A period's clients are those of its days whose gap reaches back before the period's start,
/// its new clients those of gap 0: new and returning for any range and grouping from at most 33 rows a salon-day, summed
/// over salons for all of them.
/// </summary>
public sealed class RetentionDay : ITenantOwned
{
    /// <summary>The widest gap kept apart: a period is at most 31 days long, so "32 days or more" is "before any period's start".</summary>
    public const int LongGap = 32;

    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public short Gap { get; set; }
    public int Clients { get; set; }
}
