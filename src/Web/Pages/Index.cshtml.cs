using AgentP.Application.Home;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public TodayFigures Today { get; private set; } = null!;

    public async Task OnGetAsync() => Today = await mediator.Send(new GetToday(), HttpContext.RequestAborted);
}
