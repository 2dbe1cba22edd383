using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// A word or two-word phrase a client wrote in a dialog the bot lost (<c>dashboard.dialog_words</c>, issue 24): one row per
/// dropped dialog with a drop-off stage and term, kept by the dialog index job, so "what clients wrote before they left" is
/// counted from our own table rather than from the bot's messages at request time.
/// </summary>
public sealed class DialogWord : ITenantOwned
{
    /// <summary>The <c>conversation_sessions_v2.id</c>.</summary>
    public long SessionId { get; set; }
    public string Term { get; set; } = "";
    public Guid TenantId { get; set; }
    /// <summary>The dialog's salon-local day, as the collector counts it.</summary>
    public DateOnly Day { get; set; }
    /// <summary>The drop-off stage's code (<c>service_selection</c>…).</summary>
    public string Stage { get; set; } = "";
}
