using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// The dashboard's decision on a bot wishlist item (<c>dashboard.wishlist_actions</c>). The bot's row is
/// never changed; pages merge the latest action over the bot's status on read (docs/architecture.md §2).
/// </summary>
public sealed class WishlistAction : ITenantOwned
{
    public long Id { get; set; }
    public long WishlistId { get; set; }
    public Guid TenantId { get; set; }
    public WishlistDecision Status { get; set; }
    public string? Comment { get; set; }
    public long ProcessedBy { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
