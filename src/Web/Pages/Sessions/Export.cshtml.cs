using System.Text;
using AgentP.Application.Common;
using AgentP.Application.Sessions;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages.Sessions;

/// <summary>The sessions of the current filter as CSV (UTF-8 with BOM, so Excel reads Cyrillic), audited.</summary>
public sealed class ExportModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? status, string? channel, string? booked,
        string? intent, string? sentiment, string? stage, string? q)
    {
        var export = await mediator.Send(new ExportSessions(new SessionFilter(from, to, status, channel, booked, intent, sentiment, stage, q)),
            HttpContext.RequestAborted);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(export.TimeZone);
        var csv = new StringBuilder("id;started_at;client;channel;status;intent;duration_sec;messages;booking_id;booking_amount;booking_currency;sentiment;drop_off_stage;summary\r\n");
        foreach (var s in export.Rows)
        {
            csv.AppendJoin(';', s.Id, TimeZoneInfo.ConvertTime(s.StartedAt, zone).ToString("yyyy-MM-dd HH:mm:ss"), Csv.Field(s.ClientName),
                s.Channel.ToCode(), s.Status.ToCode(), Csv.Field(s.Intent), s.DurationSec, s.Messages, Csv.Field(s.BookingId),
                s.BookingAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), s.BookingCurrency,
                s.Sentiment?.ToCode(), s.Stage?.ToCode(), Csv.Field(s.Summary));
            csv.Append("\r\n");
        }
        await mediator.Send(new RecordExport("sessions", Request.QueryString.Value ?? "", export.Rows.Count), HttpContext.RequestAborted);
        return File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", $"sessions-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }
}
