using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// How many dropped dialogs of a salon's day and drop-off stage hold a term (<c>dashboard.dialog_word_days</c>): the Overview's
/// "what clients wrote before they left" summed over the range's days, so its cost follows days × terms, not the dialogs
/// (<see cref="DialogWord"/> keeps each dialog's terms for the drill-down). Kept with <see cref="DialogWord"/> by the index job.
/// </summary>
public sealed class DialogWordDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public string Stage { get; set; } = "";
    public string Term { get; set; } = "";
    public int Dialogs { get; set; }
}
