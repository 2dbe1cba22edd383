using AgentP.Application.Clients;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages.Clients;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ClientCard Card { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(Guid id)
    {
        Card = await mediator.Send(new GetClient(id), HttpContext.RequestAborted);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Card.TimeZone);
    }
}
