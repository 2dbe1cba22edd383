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
        ("started_at", (csv, s) => csv.WriteField(s.StartedAt, "yyyy-MM-dd HH:mm:ss")), // the salon's time, as the list shows it
        ("client", (csv, s) => csv.WriteField(s.ClientName)),
        ("channel", (csv, s) => csv.WriteField(s.Channel.ToCode())),
        ("status", (csv, s) => csv.WriteField(s.Status.ToCode())),
        ("intent", (csv, s) => csv.WriteField(s.Intent)),
        ("duration_sec", (csv, s) => csv.WriteField(s.DurationSec, "D")),
        ("messages", (csv, s) => csv.WriteField(s.Messages, "D")),
        ("booking_id", (csv, s) => csv.WriteField(s.BookingId)),
        ("booking_amount", (csv, s) => csv.WriteField(s.BookingAmount, "0.00")),
        ("booking_currency", (csv, s) => csv.WriteField(s.BookingCurrency)),
        ("sentiment", (csv, s) => csv.WriteField(s.Sentiment?.ToCode())),
        ("drop_off_stage", (csv, s) => csv.WriteField(s.Stage?.ToCode())),
        ("summary", (csv, s) => csv.WriteField(s.Summary)));

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? status, string? channel, string? booked,
        string? intent, string? sentiment, string? stage, string? q, string? service, string? staff, string? escalated, string? attended, string? salon, string? word = null)
    {
        if (!IndexModel.TryParseSalon(salon, out var tenant))
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Salon", "Неизвестный салон.")]);
        return new CsvFile<SessionRow>(await mediator.Send(new ExportSessions(
            new SessionFilter(from, to, status, channel, booked, intent, sentiment, stage, q, service, staff, escalated, attended, word), tenant), HttpContext.RequestAborted), Columns);
    }
}
