using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages;

/// <summary>
/// A report page whose query string is its filter. A bad filter keeps the page usable: its messages beside the
/// filter form, with a 400 for the query string, instead of an error page.
/// </summary>
public abstract class FilterPageModel : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Refuses the query string with a message shown beside the filter form, as a 400.</summary>
    protected void Refuse(string message)
    {
        Errors = [message];
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The report for the filter, or null with <see cref="Errors"/> set when the filter is refused.</summary>
    protected async Task<T?> QueryAsync<T>(IMediator mediator, IRequest<T> request) where T : class
    {
        try
        {
            return await mediator.Send(request, HttpContext.RequestAborted);
        }
        catch (ValidationException e)
        {
            Errors = e.Errors.Select(x => x.ErrorMessage).Distinct().ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }
}
