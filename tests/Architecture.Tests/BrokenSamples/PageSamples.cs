using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentP.Architecture.Tests.BrokenSamples;

/// <summary>Reads the database itself: a DbContext, the public port and an HTTP client instead of the mediator.</summary>
public sealed class PageModelOnTheDatabase(DashboardDbContext db, IPublicData bot, HttpClient http) : PageModel
{
    public object[] Services => [db, bot, http];
}

/// <summary>Asks for a service in a handler instead of the constructor: the same bypass.</summary>
public sealed class PageModelWithAServiceInAHandler : PageModel
{
    public void OnGet([FromServices] IDashboardDb db) => _ = db;
}

/// <summary>A view component on a port of Application: an Application type, but not one a page may hold.</summary>
public sealed class ViewComponentOnAPort(IDashboardDb db) : ViewComponent
{
    public IDashboardDb Db => db;
}

/// <summary>Takes only the mediator, yet queries with EF Core itself.</summary>
public sealed class ViewComponentQueryingEf(IMediator mediator) : ViewComponent
{
    public IMediator Mediator => mediator;
    public static Task<List<T>> All<T>(IQueryable<T> query) => query.ToListAsync();
}

/// <summary>The control: everything a page may take.</summary>
public sealed class ThinPageModel(IMediator mediator, TimeProvider clock, IStringLocalizer<ThinPageModel> text,
    ILogger<ThinPageModel> log, IOptions<DashboardOptions> options) : PageModel
{
    public object[] Services => [mediator, clock, text, log, options];
}

/// <summary>
/// Takes a concrete Application service (<c>MetricsChunks</c> scopes itself to the system): a platform-wide collection
/// with no request, so no authorization and no scope.
/// </summary>
public sealed class PageModelOnAConcreteService(AgentP.Application.Metrics.MetricsChunks chunks) : PageModel
{
    public object Chunks => chunks;
}

/// <summary>A compiled view (<c>@inject IMediator</c>, <c>@inject IDashboardDb</c> in a .cshtml): sends and reads past its page.</summary>
public sealed class ViewInjectingTheMediator : Microsoft.AspNetCore.Mvc.Razor.RazorPage<object>
{
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public IMediator Mediator { get; private set; } = null!;
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public IDashboardDb Db { get; private set; } = null!;
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public IStringLocalizer<ThinPageModel> T { get; private set; } = null!;

    public override Task ExecuteAsync() => Task.CompletedTask;
}

/// <summary>The control: a compiled view with what views inject (a localizer, the clock, the framework's helpers).</summary>
public sealed class ThinView : Microsoft.AspNetCore.Mvc.Razor.RazorPage<object>
{
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public IStringLocalizer<ThinPageModel> T { get; private set; } = null!;
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public TimeProvider Clock { get; private set; } = null!;
    [Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInject] public Microsoft.AspNetCore.Mvc.ViewFeatures.IModelExpressionProvider ModelExpressionProvider { get; private set; } = null!;

    public override Task ExecuteAsync() => Task.CompletedTask;
}
