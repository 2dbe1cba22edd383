using AgentP.Application.Tenants;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.ViewComponents;

/// <summary>The super_admin's salon picker in the header.</summary>
public sealed class TenantSwitcherViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new TenantSwitcherModel(
            await mediator.Send(new GetTenantChoices(), HttpContext.RequestAborted),
            DashboardClaims.GuidOf(UserClaimsPrincipal, DashboardClaims.SelectedTenantId)));
}

public sealed record TenantSwitcherModel(IReadOnlyList<TenantChoice> Tenants, Guid? Selected);
