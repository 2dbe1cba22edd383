using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// Which bot dialog belongs to which client: a narrow copy of <c>conversation_sessions_v2</c>'s keys, indexed by client.
/// The bot's table has no index on <c>user_id</c> and the dashboard may not add one, so without this a client's dialogs
/// (the client card, the dialogs count of the clients list) cost a pass over the salon's whole history.
/// </summary>
public sealed class ClientDialog : ITenantOwned
{
    public long SessionId { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
}
