using AgentP.Application.Sessions;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Sessions;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Booked { get; set; }
    [BindProperty(SupportsGet = true)] public string? Intent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sentiment { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public SessionPage? Result { get; private set; }
    public SessionFilter Filter => new(From, To, Status, Channel, Booked, Intent, Sentiment, Stage, Q);

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetSessions(Filter, After, Before));
        return Page();
    }

    /// <summary>The current filter as a query string, plus a page cursor.</summary>
    public string Query(string? after = null, string? before = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("from", From), ("to", To), ("status", Status), ("channel", Channel), ("booked", Booked), ("intent", Intent),
            ("sentiment", Sentiment), ("stage", Stage), ("q", Q), ("after", after), ("before", before),
        };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
