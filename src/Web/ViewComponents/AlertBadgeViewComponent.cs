using AgentP.Application.Alerts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.ViewComponents;

/// <summary>The open-alerts count next to "Алерты" in the navigation.</summary>
public sealed class AlertBadgeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new CountOpenAlerts(), HttpContext.RequestAborted));
}
