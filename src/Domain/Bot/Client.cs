using AgentP.Domain.Common;

namespace AgentP.Domain.Bot;

/// <summary>A salon's client (<c>public.clients_v2</c>).</summary>
public sealed class Client : ITenantOwned
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public long? TelegramChatId { get; init; }
    public string? WhatsappId { get; init; }
    public string? Phone { get; init; }
    public long? YclientsClientId { get; init; }
    public string? FullName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
