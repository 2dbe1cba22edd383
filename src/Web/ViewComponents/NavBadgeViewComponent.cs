using AgentP.Application.Attention;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.ViewComponents;

/// <summary>The count next to a menu item that needs attention: open alerts, clients waiting for a human.</summary>
public sealed class NavBadgeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string href)
    {
        // Both badges of a page share one answer.
        if (HttpContext.Items[typeof(AttentionCounts)] is not AttentionCounts counts)
            HttpContext.Items[typeof(AttentionCounts)] = counts = await mediator.Send(new GetAttentionCounts(), HttpContext.RequestAborted);
        return href switch
        {
            "/alerts" => View((counts.OpenAlerts, "alert-badge", "открытых")),
            "/escalations" => View((counts.WaitingEscalations, "escalation-badge", "Ждут ответа")),
            _ => Content(""),
        };
    }
}
