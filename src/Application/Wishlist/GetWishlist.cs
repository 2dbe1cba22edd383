using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Wishlist;

/// <summary>
/// The waiting list: the bot's items with the dashboard's latest decision merged over the bot's status. Pending by
/// default; <c>status=all</c> shows every item. Newest first, keyset-paged on (created_at, id).
/// </summary>
[Authorize]
public sealed record GetWishlist(WishlistFilter Filter, string? After = null, Guid? TenantId = null) : IRequest<WishlistPage>, IAllowsAllTenants
{
    public const int PageSize = 50;
}

public sealed record WishlistPage(IReadOnlyList<WishlistRow> Rows, IReadOnlyDictionary<string, int> Counts, string? NextCursor, string TimeZone);

public sealed record WishlistRow(
    long Id, Guid ClientId, string? ClientName, string? ClientPhone, WishlistItemType ItemType, string ItemId, string? Source, string? Comment,
    WishlistStatus BotStatus, WishlistMeta Meta, DateTimeOffset CreatedAt, string Status, IReadOnlyList<WishlistDecisionView> History,
    int WaitingDays, string? Salon = null);

public sealed record WishlistDecisionView(WishlistDecision Status, string? Comment, DateTimeOffset At);

public sealed class GetWishlistValidator : AbstractValidator<GetWishlist>
{
    public GetWishlistValidator()
    {
        RuleFor(x => x.Filter.Status).Must(s => s is null || s == WishlistFilter.All || WishlistFilter.Statuses.Contains(s))
            .WithName("Status").WithMessage("Неизвестный статус.");
        RuleFor(x => x.Filter.Type).Must(t => t is null || Codes.TryParse<WishlistItemType>(t, out var v) && v != WishlistItemType.Unknown)
            .WithName("Type").WithMessage("Тип — slot или service.");
        RuleFor(x => x.Filter.Staff).MaximumLength(100).WithName("Staff").WithMessage("Слишком длинное имя мастера.")
            .NoControlCharacters().WithName("Staff");
        RuleFor(x => x.Filter.Age).InclusiveBetween(0, 3650).WithName("Age").WithMessage("Возраст заявки — от 0 до 3650 дней.");
        RuleFor(x => x.After).Must(c => c is null || TryParseCursor(c, out _)).WithMessage("Неверная ссылка на страницу.");
    }

    public static bool TryParseCursor(string? text, out (DateTimeOffset At, long Id) cursor)
    {
        cursor = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        cursor = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public sealed class GetWishlistHandler(IWishlistQueries queries, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock, Tenants.SalonDirectory directory)
    : IRequestHandler<GetWishlist, WishlistPage>
{
    public async Task<WishlistPage> Handle(GetWishlist request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var zone = await zones.ForAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        GetWishlistValidator.TryParseCursor(request.After, out var after);
        var page = await queries.PageAsync(scope, request.Filter, now, request.After is null ? null : after, GetWishlist.PageSize + 1, cancellationToken);
        var rows = page.Rows.ToList();
        var more = rows.Count > GetWishlist.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        var salons = scope is null ? await directory.ScopeNamesAsync(cancellationToken) : null; // all salons: each item's salon by name

        return new WishlistPage(
            rows.Select(r => new WishlistRow(r.Id, r.ClientId, r.ClientName, r.ClientPhone, r.ItemType, r.ItemId, r.Source, r.Comment,
                r.BotStatus, r.Meta, r.CreatedAt, r.Status, r.History, (now - r.CreatedAt).Days, salons?.GetValueOrDefault(r.SalonId))).ToList(),
            page.Counts,
            more ? $"{rows[^1].CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{rows[^1].Id.ToString(CultureInfo.InvariantCulture)}" : null,
            zone.Id);
    }
}
