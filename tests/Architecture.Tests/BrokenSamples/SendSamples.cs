using AgentP.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Architecture.Tests.BrokenSamples;

public sealed record SampleView(int Rows);

public sealed record SampleQuery : IRequest<SampleView>;

public sealed record SampleChoices : IRequest<IReadOnlyList<string>>;

public sealed record SampleCommand : IRequest<int>;

public sealed record OtherCommand : IRequest<bool>;

/// <summary>OnGet sends two requests, one of them through a private helper: the one-request rule must report it.</summary>
public sealed class PageSendingTwoQueriesOnGet(IMediator mediator) : PageModel
{
    public SampleView? View { get; private set; }
    public IReadOnlyList<string> Choices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        View = await mediator.Send(new SampleQuery(), HttpContext.RequestAborted);
        await LoadChoicesAsync();
    }

    private async Task LoadChoicesAsync() => Choices = await mediator.Send(new SampleChoices(), HttpContext.RequestAborted);
}

/// <summary>A form that sends two commands, neither of them the page's query.</summary>
public sealed class PageSendingTwoCommandsOnPost(IMediator mediator) : PageModel
{
    public async Task OnGetAsync() => _ = await mediator.Send(new SampleQuery(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new SampleCommand(), HttpContext.RequestAborted);
        await mediator.Send(new OtherCommand(), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}

/// <summary>A view component sending from a lambda, twice: the closure is its code too.</summary>
public sealed class ViewComponentSendingInALambda(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        Func<Task<SampleView>> load = () => mediator.Send(new SampleQuery(), HttpContext.RequestAborted);
        var first = await load();
        var again = await mediator.Send(new SampleQuery(), HttpContext.RequestAborted);
        return Content($"{first.Rows} {again.Rows}");
    }
}

/// <summary>Sends through a helper of another class: the rule cannot count what it sends, so it reports it.</summary>
public sealed class PageHandingTheMediatorAway(IMediator mediator) : PageModel
{
    public async Task OnGetAsync() => await SampleLoader.LoadAsync(mediator);
}

public static class SampleLoader
{
    public static async Task LoadAsync(IMediator mediator)
    {
        await mediator.Send(new SampleQuery());
        await mediator.Send(new SampleChoices());
    }
}

/// <summary>A report page's base, like <c>FilterPageModel</c>: the send sits in a generic method of the base class.</summary>
public abstract class SampleFilterPage : PageModel
{
    protected async Task<T?> QueryAsync<T>(IMediator mediator, IRequest<T> request) where T : class
    {
        try
        {
            return await mediator.Send(request, HttpContext.RequestAborted);
        }
        catch (ValidationException)
        {
            return null;
        }
    }
}

/// <summary>
/// The control: one query per GET handler (through the base class's helper), and a form that sends its command and, refused,
/// the page's own query again to show the messages (through a private helper).
/// </summary>
public sealed class PageSendingOnePerHandler(IMediator mediator) : SampleFilterPage
{
    public SampleView? View { get; private set; }

    public async Task OnGetAsync() => View = await QueryAsync(mediator, new SampleQuery());

    public async Task<IActionResult> OnGetChoicesAsync() => new JsonResult(await mediator.Send(new SampleChoices(), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new SampleCommand(), HttpContext.RequestAborted);
            return RedirectToPage();
        }
        catch (ValidationException)
        {
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync() => View = await mediator.Send(new SampleQuery(), HttpContext.RequestAborted);
}

/// <summary>A handler that sends another request: a second pipeline inside the first.</summary>
public sealed class HandlerSendingAnotherRequest(IMediator mediator) : IRequestHandler<SampleCommand, int>
{
    public async Task<int> Handle(SampleCommand request, CancellationToken cancellationToken) =>
        (await mediator.Send(new SampleQuery(), cancellationToken)).Rows;
}

/// <summary>A handler calling another handler directly: past the pipeline's authorization and scope.</summary>
public sealed class HandlerCallingAnotherHandler(IRequestHandler<SampleQuery, SampleView> other) : IRequestHandler<OtherCommand, bool>
{
    public async Task<bool> Handle(OtherCommand request, CancellationToken cancellationToken) =>
        (await other.Handle(new SampleQuery(), cancellationToken)).Rows > 0;
}

/// <summary>The control: a handler on a port.</summary>
public sealed class HandlerOnAPort(IDashboardDb db) : IRequestHandler<SampleQuery, SampleView>
{
    public async Task<SampleView> Handle(SampleQuery request, CancellationToken cancellationToken) =>
        new(await db.Users.CountAsync(cancellationToken));
}

/// <summary>The control's registration: names the mediator to register it, and is named as such by the sample test.</summary>
public static class RegistersTheMediator
{
    public static Type Service => typeof(IMediator);
}

/// <summary>A handler that builds another handler itself (<c>new GetTenantChoicesHandler(…)</c>): past the pipeline all the same.</summary>
public sealed class HandlerConstructingAHandler(IDashboardDb db) : IRequestHandler<OtherCommand, bool>
{
    public async Task<bool> Handle(OtherCommand request, CancellationToken cancellationToken) =>
        (await new HandlerOnAPort(db).Handle(new SampleQuery(), cancellationToken)).Rows > 0;
}

/// <summary>Named like Application's registration, in another namespace: the allowance by simple name let it hold the mediator.</summary>
public static class DependencyInjection
{
    public static Type Service => typeof(IMediator);
}

/// <summary>Sends in the page filter it overrides, around whatever handler runs: two requests for one page.</summary>
public sealed class PageSendingInItsFilter(IMediator mediator) : PageModel
{
    public SampleView? View { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        View = await mediator.Send(new SampleQuery());
        _ = await mediator.Send(new SampleChoices());
        await next();
    }

    public void OnGet() { }
}

/// <summary>Widens its own scope to every salon, past what its request declared.</summary>
public sealed class HandlerScopingItselfToTheSystem(ITenantContext tenant, IDashboardDb db) : IRequestHandler<SampleQuery, SampleView>
{
    public async Task<SampleView> Handle(SampleQuery request, CancellationToken cancellationToken)
    {
        tenant.ScopeToSystem();
        return new(await db.Users.CountAsync(cancellationToken));
    }
}
