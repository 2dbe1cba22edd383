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
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public string? Escalated { get; set; }
    [BindProperty(SupportsGet = true)] public string? Attended { get; set; }
    [BindProperty(SupportsGet = true, Name = "after_hours")] public string? AfterHours { get; set; }
    /// <summary>A super_admin's one salon from an all-salons figure (a salon admin may name only their own: another is a 404).</summary>
    [BindProperty(SupportsGet = true)] public string? Salon { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public SessionPage? Result { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Word { get; set; }

    public SessionFilter Filter => new(From, To, Status, Channel, Booked, Intent, Sentiment, Stage, Q, Service, Staff, Escalated, Attended, Word, AfterHours);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!TryParseSalon(Salon, out var salon)) return BadSalon();
        Result = await QueryAsync(mediator, new GetSessions(Filter, After, Before, salon));
        return Page();
    }

    internal static bool TryParseSalon(string? text, out Guid? salon)
    {
        salon = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Guid.TryParseExact(text, "D", out var id)) return false;
        salon = id;
        return true;
    }

    private IActionResult BadSalon()
    {
        Refuse("Неизвестный салон.");
        return Page();
    }

    /// <summary>The current filter as a query string, plus a page cursor.</summary>
    public string Query(string? after = null, string? before = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("from", From), ("to", To), ("status", Status), ("channel", Channel), ("booked", Booked), ("intent", Intent),
            ("sentiment", Sentiment), ("stage", Stage), ("q", Q), ("service", Service), ("staff", Staff), ("escalated", Escalated), ("attended", Attended), ("word", Word), ("after_hours", AfterHours), ("salon", Salon),
            ("after", after), ("before", before),
        };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
