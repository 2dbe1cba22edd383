namespace AgentP.Domain.Bot;

/// <summary>A salon (<c>public.tenants_v2</c>). Written by the bot only.</summary>
public sealed class Tenant
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Slug { get; init; }
    public bool IsActive { get; init; }
    public TenantMetadata Metadata { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// The documented keys of <c>tenants_v2.metadata</c>. The tokens are secrets: they are used to call
/// Telegram/YClients and are never rendered, logged or exported.
/// </summary>
public sealed record TenantMetadata
{
    public string? YclientsCompanyId { get; init; }
    public string? YclientsToken { get; init; }
    public string? TelegramBotToken { get; init; }
    public string? AdminChatId { get; init; }
    public Branch? CurrentBranch { get; init; }
    /// <summary>When the salon closes by the bot's reckoning ("20:00"): the default opening hours' end (<see cref="Dashboard.OpeningHours"/>).</summary>
    public string? ClosingTimeOverride { get; init; }
}

public sealed record Branch(string? Id, string? Phone, string? Address);
