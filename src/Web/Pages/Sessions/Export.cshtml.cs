using AgentP.Application.Common;
using AgentP.Application.Sessions;
using CsvHelper;
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

    /// <summary>For a person's spreadsheet: words, decimal commas, the salon's local times named with the zone; each row's salon for all salons.</summary>
    private static CsvColumns<SessionRow> Spreadsheet(Export<SessionRow> e) => new([
        .. e.AllSalons ? [("Салон", (csv, s) => csv.WriteText(s.Salon))] : Array.Empty<(string, Action<CsvWriter, SessionRow>)>(),
        ("Номер диалога", (csv, s) => csv.WriteField(s.Id, "D")),
        (e.Local("Начало"), (csv, s) => csv.WriteField(s.StartedAt.DateTime, "dd.MM.yyyy HH:mm")), // already in the export's zone
        ("Клиент", (csv, s) => csv.WriteText(s.ClientName)),
        ("Канал", (csv, s) => csv.WriteField(Labels.Channel(s.Channel))),
        ("Статус", (csv, s) => csv.WriteField(Labels.Status(s.Status))),
        ("Намерение", (csv, s) => csv.WriteText(s.Intent is null ? null : Labels.Intent(s.Intent))),
        ("Длительность, с", (csv, s) => csv.WriteField(s.DurationSec, "D")),
        ("Сообщений", (csv, s) => csv.WriteField(s.Messages, "D")),
        ("Запись в YClients", (csv, s) => csv.WriteText(s.BookingId)),
        ("Сумма записи", (csv, s) => csv.WriteField(s.BookingAmount, "0.00")),
        ("Валюта", (csv, s) => csv.WriteText(s.BookingCurrency)),
        ("Настроение", (csv, s) => csv.WriteField(s.Sentiment is null ? null : Labels.Sentiment(s.Sentiment))),
        ("Где клиент ушёл", (csv, s) => csv.WriteField(s.Stage is null ? null : Labels.Stage(s.Stage))),
        ("Сводка", (csv, s) => csv.WriteText(s.Summary))]);

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? status, string? channel, string? booked,
        string? intent, string? sentiment, string? stage, string? q, string? service, string? staff, string? escalated, string? attended, string? salon, string? word = null,
        [FromQuery(Name = "after_hours")] string? afterHours = null, string? format = null)
    {
        if (!IndexModel.TryParseSalon(salon, out var tenant))
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Salon", "Неизвестный салон.")]);
        return CsvFile.Of(await mediator.Send(new ExportSessions(
            new SessionFilter(from, to, status, channel, booked, intent, sentiment, stage, q, service, staff, escalated, attended, word, afterHours), tenant), HttpContext.RequestAborted),
            format, Columns, Spreadsheet);
    }
}
