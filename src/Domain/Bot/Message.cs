using AgentP.Domain.Common;

namespace AgentP.Domain.Bot;

/// <summary>One message of a dialog (<c>public.recent_history_v2</c>). The text is untrusted user input.</summary>
public sealed class Message : ITenantOwned
{
    public long Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public Guid? SessionId { get; init; }
    public MessageRole Role { get; init; }
    public Channel Channel { get; init; }
    public string Text { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
