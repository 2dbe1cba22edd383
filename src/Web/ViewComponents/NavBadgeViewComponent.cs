using AgentP.Application.Alerts;
using AgentP.Application.Escalations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.ViewComponents;

/// <summary>The count next to a menu item that needs attention: open alerts, clients waiting for a human.</summary>
public sealed class NavBadgeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string href) => href switch
    {
        "/alerts" => View((await mediator.Send(new CountOpenAlerts(), HttpContext.RequestAborted), "alert-badge", "открытых")),
        "/escalations" => View((await mediator.Send(new CountOpenEscalations(), HttpContext.RequestAborted), "escalation-badge", "Ждут ответа")),
        _ => Content(""),
    };
}
