using AgentP.Domain.Common;

namespace AgentP.Domain.Bot;

/// <summary>A client waiting for a slot or a service (<c>public.wishlist_v2</c>).</summary>
public sealed class WishlistItem : ITenantOwned
{
    public long Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public WishlistItemType ItemType { get; init; }
    public string ItemId { get; init; } = "";
    public string? Source { get; init; }
    public string? Comment { get; init; }
    public WishlistStatus Status { get; init; }
    public WishlistMeta Meta { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }

    public Client? Client { get; init; }
}

public sealed record WishlistMeta
{
    public string? ServiceTitle { get; init; }
    public string? StaffName { get; init; }
    public string? StaffId { get; init; }
    public DateOnly? PreferredDate { get; init; }
    public string? TimePreference { get; init; }
}
