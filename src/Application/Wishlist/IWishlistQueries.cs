using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Wishlist;

/// <summary>The list's SQL (a join across the bot's schema and ours); Infrastructure.</summary>
public interface IWishlistQueries
{
    /// <summary>A page of the filter's items and, over all of them whatever the status filter, the count per merged status.</summary>
    Task<WishlistRows> PageAsync(Guid? tenantId, WishlistFilter filter, DateTimeOffset now, (DateTimeOffset At, long Id)? after,
        int take, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="take"/> items of the filter, newest first, in one query read as it goes.</summary>
    IAsyncEnumerable<WishlistExportRow> StreamAsync(Guid? tenantId, WishlistFilter filter, DateTimeOffset now, int take,
        CancellationToken cancellationToken);
}

public sealed record WishlistRows(IReadOnlyList<WishlistRowData> Rows, IReadOnlyDictionary<string, int> Counts);

public sealed record WishlistRowData(
    long Id, Guid ClientId, string? ClientName, string? ClientPhone, WishlistItemType ItemType, string ItemId, string? Source, string? Comment,
    WishlistStatus BotStatus, WishlistMeta Meta, DateTimeOffset CreatedAt, string Status, IReadOnlyList<WishlistDecisionView> History, Guid SalonId = default);
