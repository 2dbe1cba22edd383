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
