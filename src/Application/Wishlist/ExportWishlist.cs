using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Wishlist;

/// <summary>Every item of the current wishlist filter, newest first (at most <see cref="MaxRows"/>), as a CSV export that audits itself.</summary>
[Authorize]
public sealed record ExportWishlist(WishlistFilter Filter, Guid? TenantId = null) : IRequest<Export<WishlistExportRow>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

/// <summary>An item as the export writes it: the bot's status and the merged one, without the decisions' history.</summary>
public sealed record WishlistExportRow(
    long Id, DateTimeOffset CreatedAt, string? ClientName, string? ClientPhone, WishlistItemType ItemType, string ItemId, WishlistMeta Meta,
    string? Source, string? Comment, WishlistStatus BotStatus, string Status, Guid SalonId = default, string? Salon = null);

public sealed class ExportWishlistValidator : AbstractValidator<ExportWishlist>
{
    public ExportWishlistValidator() => RuleFor(x => new GetWishlist(x.Filter, null, null)).SetValidator(new GetWishlistValidator()).OverridePropertyName("Filter");
}

public sealed class ExportWishlistHandler(IWishlistQueries queries, ITenantContext tenant, TimeProvider clock, Tenants.SalonDirectory directory, ExportAudit audit)
    : IRequestHandler<ExportWishlist, Export<WishlistExportRow>>
{
    public async Task<Export<WishlistExportRow>> Handle(ExportWishlist request, CancellationToken cancellationToken)
    {
        var salons = await directory.ScopeNamesAsync(cancellationToken); // each row's salon, as the all-salons list names it
        return await audit.OfAsync("wishlist", request.Filter,
            queries.StreamAsync(tenant.RequireScope(), request.Filter, clock.GetUtcNow(), ExportWishlist.MaxRows, cancellationToken)
                .Select(r => r with { Salon = salons.GetValueOrDefault(r.SalonId) }), cancellationToken);
    }
}
