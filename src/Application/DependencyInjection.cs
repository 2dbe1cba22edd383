using System.Reflection;
using AgentP.Application.Common;
using AgentP.Application.Common.Behaviours;
using AgentP.Application.Common.Caching;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 is the version served here; it has no DI package, so this is its registration:
    /// the service factory, the mediator, every handler by assembly scan, and the behaviours as open
    /// generics in pipeline order (the first registered runs outermost).
    /// </summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var (service, implementation) in HandlerTypes(assembly))
            services.AddTransient(service, implementation);

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TenantScopeBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(CacheInvalidationBehaviour<,>));

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Transient, includeInternalTypes: true);
        services.AddScopedCache();
        services.AddScoped<QueryBudget>();
        services.AddScoped<TenantTimeZones>();
        services.AddScoped<TenantOpeningHours>();
        services.AddScoped<Bookings.YclientsConnection>();
        services.AddScoped<ExportAudit>();
        services.AddScoped<Attention.AttentionCounter>();
        services.AddScoped<Overview.ReportCache>();
        services.AddScoped<Overview.OverviewReports>();
        services.AddScoped<Platform.PlatformReports>();
        services.AddScoped<Platform.PlatformPercentiles>();
        services.AddScoped<Overview.DialogHeatmaps>();
        services.AddScoped<Sessions.SessionQueries>();
        services.AddScoped<Retention.RetentionReports>();
        services.AddScoped<Tenants.SalonDirectory>();
        services.AddScoped<Escalations.EscalationViews>();
        services.AddScoped<Escalations.AnswerTargets>();
        services.AddScoped<Dialogs.LeavingWordsIndex>();
        services.AddScoped<Dialogs.DialogIndexMark>();
        services.AddScoped<Metrics.MetricsChunks>();
        services.AddSingleton<DashboardMetrics>();
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> HandlerTypes(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
        select (service, type);
}
