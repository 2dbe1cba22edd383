using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// A client's dialogs, and of those the ones with a booking, in one 15-minute UTC slot (as <see cref="DialogSlot"/>), kept by
/// the dialog index: what retention reads (who had a dialog, who booked, in which salon-local day, week or month) instead of
/// the bot's dialogs.
/// </summary>
public sealed class ClientSlot : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateTimeOffset Slot { get; set; }
    public Guid ClientId { get; set; }
    public int Dialogs { get; set; }
    public int Bookings { get; set; }
}
