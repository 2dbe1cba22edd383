using AgentP.Application.Sessions;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages.Sessions;

/// <summary>The sessions of the current filter as CSV.</summary>
public sealed class ExportModel(IMediator mediator) : PageModel
{
    private static readonly CsvColumns<SessionRow> Columns = new(
        ("id", (csv, s) => csv.WriteField(s.Id, "D")),
        ("started_at_local", (csv, s) => csv.WriteField(s.StartedAt, "yyyy-MM-dd HH:mm:ss")), // the salon's time, as the list shows it, and named so beside the others' …_utc
        ("client", (csv, s) => csv.WriteText(s.ClientName)),
        ("channel", (csv, s) => csv.WriteText(s.Channel.ToCode())),
        ("status", (csv, s) => csv.WriteText(s.Status.ToCode())),
        ("intent", (csv, s) => csv.WriteText(s.Intent)),
        ("duration_sec", (csv, s) => csv.WriteField(s.DurationSec, "D")),
        ("messages", (csv, s) => csv.WriteField(s.Messages, "D")),
        ("booking_id", (csv, s) => csv.WriteText(s.BookingId)),
        ("booking_amount", (csv, s) => csv.WriteField(s.BookingAmount, "0.00")),
        ("booking_currency", (csv, s) => csv.WriteText(s.BookingCurrency)),
        ("sentiment", (csv, s) => csv.WriteText(s.Sentiment?.ToCode())),
        ("drop_off_stage", (csv, s) => csv.WriteText(s.Stage?.ToCode())),
        ("summary", (csv, s) => csv.WriteText(s.Summary)));

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? status, string? channel, string? booked,
        string? intent, string? sentiment, string? stage, string? q, string? service, string? staff, string? escalated, string? attended, string? salon, string? word = null,
        [FromQuery(Name = "after_hours")] string? afterHours = null)
    {
        if (!IndexModel.TryParseSalon(salon, out var tenant))
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Salon", "Неизвестный салон.")]);
        return new CsvFile<SessionRow>(await mediator.Send(new ExportSessions(
            new SessionFilter(from, to, status, channel, booked, intent, sentiment, stage, q, service, staff, escalated, attended, word, afterHours), tenant), HttpContext.RequestAborted), Columns);
    }
}
