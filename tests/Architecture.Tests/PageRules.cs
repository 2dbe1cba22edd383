using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentP.Architecture.Tests;

/// <summary>
/// Pages and view components are thin, as in Microsoft's eShopOnWeb sample: they bind input, send a request through
/// <see cref="IMediator"/> and show the answer. Whatever they could take besides the mediator would bypass the pipeline's
/// authorization and tenant scope.
/// </summary>
internal static class PageRules
{
    private static readonly Type[] OptionsTypes = [typeof(IOptions<>), typeof(IOptionsSnapshot<>), typeof(IOptionsMonitor<>)];

    public static bool IsPageOrViewComponent(Type type) =>
        typeof(PageModel).IsAssignableFrom(type) || typeof(ViewComponent).IsAssignableFrom(type)
        || type.IsDefined(typeof(ViewComponentAttribute), inherit: true)
        || type is { IsClass: true, IsAbstract: false } && type.Name.EndsWith("ViewComponent", StringComparison.Ordinal);

    /// <summary>
    /// Every constructor parameter (and handler parameter injected with <c>[FromServices]</c>) is the mediator, an
    /// Application value, or a harmless framework abstraction.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenServices(IEnumerable<Type> types) =>
        (from type in types.Where(IsPageOrViewComponent)
         from parameter in type.GetConstructors().SelectMany(c => c.GetParameters())
             .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                 .SelectMany(m => m.GetParameters()).Where(p => p.IsDefined(typeof(FromServicesAttribute))))
         where !IsAllowed(parameter.ParameterType)
         select $"{type.FullName}: takes {parameter.ParameterType} {parameter.Name}").ToList();

    /// <summary>The compiled Razor views and pages (the .cshtml files): what they <c>@inject</c> bypasses their page model.</summary>
    public static bool IsView(Type type) => typeof(Microsoft.AspNetCore.Mvc.Razor.RazorPageBase).IsAssignableFrom(type) && !type.IsAbstract;

    /// <summary>
    /// Every <c>@inject</c> of a view is a framework helper the view engine itself injects (<c>Microsoft.AspNetCore.Mvc…</c>),
    /// or what a page model may take, except the mediator: a view that sends is a second request the page does not show.
    /// </summary>
    public static IReadOnlyList<string> ViewInjections(IEnumerable<Type> types) =>
        (from type in types.Where(IsView)
         from property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
         where property.IsDefined(typeof(Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute), inherit: true)
         let t = property.PropertyType
         where !(t.Namespace ?? "").StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal)
         where t == typeof(IMediator) || !IsAllowed(t)
         select $"{type.FullName}: @inject {t} {property.Name}").ToList();

    /// <summary>No page or view component depends on Infrastructure, EF Core or the driver, whatever it takes.</summary>
    public static IReadOnlyList<string> DataAccessDependencies(IEnumerable<Type> types) =>
        Dependencies.On(types.Where(IsPageOrViewComponent), "AgentP.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql");

    private static bool IsAllowed(Type type)
    {
        if (type == typeof(IMediator)) return true;
        // The clock ("now" for display) and display text: neither reads data nor bypasses the pipeline.
        if (type == typeof(TimeProvider) || type == typeof(IStringLocalizer)) return true;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            // Logging writes, never reads; a localizer's type argument only names its resource file.
            if (definition == typeof(IStringLocalizer<>) || definition == typeof(ILogger<>)) return true;
            // Configuration values, if the values are the Application's own options (not Infrastructure's connection strings).
            if (OptionsTypes.Contains(definition)) return IsApplicationValue(type.GenericTypeArguments[0]);
        }
        // Nothing else of Application: a concrete service (MetricsChunks, say) does its work without a request, so without
        // the pipeline's authorization and scope. Pages bind their input and get their answers through the mediator.
        return false;
    }

    /// <summary>
    /// An Application type other than a port (the interfaces Infrastructure implements: <c>IDashboardDb</c>, <c>IPublicData</c>,
    /// <c>ITelegram</c>, <c>ICurrentUser</c>…) or a handler or behaviour (reached directly, they skip the pipeline).
    /// </summary>
    private static bool IsApplicationValue(Type type) =>
        type.Namespace is { } ns && (ns == "AgentP.Application" || ns.StartsWith("AgentP.Application.", StringComparison.Ordinal))
        && !type.IsInterface
        && !type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IRequestHandler<,>) || d == typeof(IPipelineBehavior<,>) || d == typeof(INotificationHandler<>)));
}
