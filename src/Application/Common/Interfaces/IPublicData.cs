using AgentP.Domain.Bot;

namespace AgentP.Application.Common.Interfaces;

/// <summary>
/// The bot's tables in <c>public</c>: read-only, untracked, and filtered to the request's tenant
/// (docs/architecture.md §2, §6). There is deliberately no way to save through it.
/// </summary>
public interface IPublicData
{
    IQueryable<Tenant> Tenants { get; }
    IQueryable<Client> Clients { get; }
    IQueryable<ConversationSession> Sessions { get; }
    IQueryable<Message> Messages { get; }
    IQueryable<WishlistItem> Wishlist { get; }
    IQueryable<ClientMemory> ClientMemories { get; }
}
