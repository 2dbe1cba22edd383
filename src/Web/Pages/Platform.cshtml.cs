using AgentP.Application.Overview;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages;

[Authorize(Roles = "super_admin")]
public sealed class PlatformModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public PlatformReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Report = await QueryAsync(mediator, new GetPlatform(Range, From, To, Sort, Dir != "asc"));
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
