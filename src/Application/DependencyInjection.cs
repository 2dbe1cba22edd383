using System.Reflection;
using AgentP.Application.Common;
using AgentP.Application.Common.Behaviours;
using AgentP.Application.Common.Caching;
using FluentValidation;
using Microsoft.Extensions.Caching.Memory;
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
        // The cache every reuse goes through (its keys carry the unit of work's scope) and what it is built on.
        services.AddHybridCache();
        // HybridCache dates its entries by the TimeProvider; the memory cache under it must expire them by the same clock.
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((o, clock) => o.Clock = new TimeProviderClock(clock));
        services.AddSingleton<CacheChanges>();
        services.AddScoped<ScopedCache>();
        services.AddScoped<TenantTimeZones>();
        services.AddScoped<Attention.AttentionCounter>();
        services.AddScoped<Overview.ReportCache>();
        services.AddScoped<Tenants.TenantChoices>();
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

#pragma warning disable CS0618 // MemoryCacheOptions.Clock takes only this interface
    private sealed class TimeProviderClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
