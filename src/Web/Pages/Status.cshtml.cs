using System.Diagnostics;
using AgentP.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentP.Web.Pages;

/// <summary>The friendly page for every error status (404, 403, 400, 500…), with a correlation id.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string? Message { get; private set; }

    /// <summary>Why, when the status alone does not say: a page's query ran too long, too many heavy pages at once.</summary>
    public string? Reason { get; private set; }
    public string RequestId { get; private set; } = "";

    public void OnGet(int code) => Show(code);
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        // Reached directly (/status/404) or re-executed by the status-code pages with the original status.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        // Re-executed, the response already carries the original status: trust it over the bound route value, which a
        // re-executed POST with an unreadable form body (a NUL, say) may fail to bind.
        Code = reExecuted && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted) Response.StatusCode = Code;
        Message = HttpContext.Items[ApplicationExceptionFilter.MessageKey] as string;
        Reason = HttpContext.Items[Resilience.ReasonKey] as string;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
