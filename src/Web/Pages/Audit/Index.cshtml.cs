using AgentP.Application.AuditLog;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Audit;

[Authorize(Roles = "super_admin,admin")]
public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserEmail { get; set; }

    public AuditPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        long? before = Before is null ? null : long.TryParse(Before, out var id) ? id : -1;
        Result = await QueryAsync(mediator, new GetAuditLog(Action, From, To, before, UserEmail));
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var page = await mediator.Send(new GetAuditLog(Action, From, To, null, UserEmail, GetAuditLog.MaxPageSize), HttpContext.RequestAborted);
        var csv = new System.Text.StringBuilder("id;at_utc;user;action;description;ip;user_agent\r\n");
        foreach (var a in page.Rows)
        {
            csv.AppendJoin(';', a.Id, a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Csv.Field(a.User), a.Action, Csv.Field(a.Description), Csv.Field(a.Ip), Csv.Field(a.UserAgent));
            csv.Append("\r\n");
        }
        await mediator.Send(new Application.Common.RecordExport("audit", Request.QueryString.Value ?? "", page.Rows.Count), HttpContext.RequestAborted);
        return File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    public string Query(long? before)
    {
        var values = new (string Key, string? Value)[] { ("action", Action), ("useremail", UserEmail), ("from", From), ("to", To), ("before", before?.ToString()) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}
