using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A master's name as the bot's dialogs give it (<c>meta.staff_id</c> → <c>meta.staff_name</c>), per salon.</summary>
public sealed class StaffName : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The id without the <c>staff_</c> prefix the bot's memory sometimes puts before it.</summary>
    public string StaffId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset SeenAt { get; set; }
}
