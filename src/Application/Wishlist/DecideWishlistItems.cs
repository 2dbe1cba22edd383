using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Wishlist;

/// <summary>
/// Records the salon's decision on one or more wishlist items in <c>dashboard.wishlist_actions</c>, with an audit
/// entry, in one transaction. The bot's <c>public.wishlist_v2</c> is never written (docs/architecture.md §2); pages merge the
/// latest decision over the bot's status. A later decision replaces an earlier one on the page; both stay in history.
/// </summary>
[Authorize]
public sealed record DecideWishlistItems(IReadOnlyList<long> Ids, string? Status, string? Comment, Guid? TenantId = null)
    : IRequest<int>, ITenantScoped
{
    public const int MaxComment = 1000;
    public const int MaxItems = 200;
}

public sealed class DecideWishlistItemsValidator : AbstractValidator<DecideWishlistItems>
{
    public DecideWishlistItemsValidator()
    {
        RuleFor(x => x.Ids).NotEmpty().WithMessage("Выберите хотя бы одну заявку.")
            .Must(ids => ids.Count <= DecideWishlistItems.MaxItems).WithMessage($"За раз — не больше {DecideWishlistItems.MaxItems} заявок.");
        RuleFor(x => x.Status).Must(s => Codes.TryParse<WishlistDecision>(s, out _))
            .WithMessage("Решение — converted (записан), contacted (связались) или cancelled (отменено).");
        RuleFor(x => x.Comment).MaximumLength(DecideWishlistItems.MaxComment).WithMessage($"Комментарий длиннее {DecideWishlistItems.MaxComment} символов.")
            .NoControlCharacters(multiline: true);
    }
}

public sealed class DecideWishlistItemsHandler(IDashboardDb db, IPublicData bot, ICurrentUser caller, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<DecideWishlistItems, int>
{
    public async Task<int> Handle(DecideWishlistItems request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        // The tenant filter hides other salons' items: an id that is not found here is unknown or foreign, both 404.
        var items = await bot.Wishlist.Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.TenantId }).ToListAsync(cancellationToken);
        if (items.Count != ids.Count) throw new NotFoundException(ids.Count == 1 ? "Заявка не найдена." : "Часть заявок не найдена: ничего не записано.");

        var now = clock.GetUtcNow();
        var decision = Codes.Parse<WishlistDecision>(request.Status!);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        foreach (var item in items)
            db.WishlistActions.Add(new WishlistAction
            {
                WishlistId = item.Id, TenantId = item.TenantId, Status = decision, Comment = comment,
                ProcessedBy = caller.UserId ?? throw new ForbiddenAccessException(), ProcessedAt = now,
            });
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.WishlistDecision,
            $"Лист ожидания: «{Audit.Words(decision)}» для {RussianPlural.Count(items.Count, "заявки", "заявок", "заявок")}", caller.UserId, tenant.TenantId,
            new() { ["status"] = decision.ToCode(), ["ids"] = string.Join(",", ids), ["comment"] = comment }));
        await db.SaveChangesAsync(cancellationToken);
        return items.Count;
    }
}
