using AgentP.Application.Common.Exceptions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AgentP.Web.Hosting;

/// <summary>
/// Turns the application's exceptions into HTTP answers for every page: not found or not yours → 404,
/// wrong role → 403, bad input → 400 with the message. The status page shows the message.
/// </summary>
public sealed class ApplicationExceptionFilter : IAsyncPageFilter
{
    public const string MessageKey = "agentp:status-message";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;

        var (status, message) = executed.Exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, e.Message),
            ForbiddenAccessException e => (StatusCodes.Status403Forbidden, e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, e.Message),
            TenantRequiredException e => (StatusCodes.Status400BadRequest, e.Message),
            ValidationException e => (StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct())),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, null),
            _ => (0, null),
        };
        if (status == 0) return;

        executed.ExceptionHandled = true;
        if (status == StatusCodes.Status401Unauthorized)
        {
            executed.Result = new ChallengeResult();
            return;
        }
        context.HttpContext.Items[MessageKey] = message;
        executed.Result = new StatusCodeResult(status);
    }
}
