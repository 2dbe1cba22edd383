using AgentP.Application.Sessions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages.Sessions;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public SessionDetail Detail { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(long id)
    {
        Detail = await mediator.Send(new GetSession(id), HttpContext.RequestAborted);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Detail.TimeZone);
    }
}
