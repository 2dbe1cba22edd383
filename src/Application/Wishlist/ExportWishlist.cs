using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Wishlist;

/// <summary>Every item of the current wishlist filter for the CSV export (at most <see cref="MaxRows"/>).</summary>
[Authorize]
public sealed record ExportWishlist(WishlistFilter Filter, Guid? TenantId = null) : IRequest<IReadOnlyList<WishlistRowData>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed class ExportWishlistValidator : AbstractValidator<ExportWishlist>
{
    public ExportWishlistValidator() => RuleFor(x => new GetWishlist(x.Filter, null, null)).SetValidator(new GetWishlistValidator()).OverridePropertyName("Filter");
}

public sealed class ExportWishlistHandler(IWishlistQueries queries, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<ExportWishlist, IReadOnlyList<WishlistRowData>>
{
    public async Task<IReadOnlyList<WishlistRowData>> Handle(ExportWishlist request, CancellationToken cancellationToken) =>
        (await queries.PageAsync(tenant.RequireScope(), request.Filter, clock.GetUtcNow(), null, ExportWishlist.MaxRows, cancellationToken)).Rows;
}
