using AgentP.Application.Overview;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages;

[Authorize(Roles = "super_admin")]
public sealed class PlatformModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public PlatformReport? Report { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Report = await mediator.Send(new GetPlatform(Range, From, To, Sort, Dir != "asc"), HttpContext.RequestAborted);
        }
        catch (ValidationException e)
        {
            Errors = e.Errors.Select(x => x.ErrorMessage).Distinct().ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The link that sorts by <paramref name="key"/>: descending first, a second click ascending.</summary>
    public string SortLink(string key)
    {
        var descending = !(Report?.Sort == key && Report.Descending);
        var range = Report?.Range is { } r ? $"range={r}" : $"from={Report?.Period.From:yyyy-MM-dd}&to={Report?.Period.To:yyyy-MM-dd}";
        return $"?{range}&sort={key}&dir={(descending ? "desc" : "asc")}";
    }

    public string? AriaSort(string key) => Report?.Sort == key ? (Report.Descending ? "descending" : "ascending") : null;
}
