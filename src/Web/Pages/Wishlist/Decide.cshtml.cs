using AgentP.Application.Wishlist;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages.Wishlist;

/// <summary><c>POST /wishlist/{id}/status</c> and <c>POST /wishlist/bulk</c>: record a decision, then back to the list.</summary>
public sealed class DecideModel(IMediator mediator) : PageModel
{
    [TempData] public string? Notice { get; set; }

    public IActionResult OnGet() => Redirect("/wishlist");

    public async Task<IActionResult> OnPostAsync(long? id, long[]? ids, string? status, string? comment, string? returnUrl)
    {
        var chosen = id is { } one ? [one] : ids ?? [];
        var count = await mediator.Send(new DecideWishlistItems(chosen, status, comment), HttpContext.RequestAborted);
        Notice = count == 1 ? "Решение записано." : "Решения записаны.";
        return LocalRedirect(RedirectTarget.Local(Url, returnUrl, "/wishlist"));
    }
}
