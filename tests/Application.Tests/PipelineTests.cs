using System.Diagnostics.Metrics;
using AgentP.Application.Common.Behaviours;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace AgentP.Application.Tests;

/// <summary>The MediatR 5.1.0 registration of our own: handlers found, behaviours in docs/architecture.md §3 order.</summary>
public sealed class PipelineTests
{
    private static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplicationServices();
        services.AddOptions();
        // Every port the application declares (implemented by Infrastructure or Web) gets a substitute.
        foreach (var port in typeof(DependencyInjection).Assembly.GetExportedTypes().Where(t => t.IsInterface && !t.IsGenericTypeDefinition))
            services.AddSingleton(port, Substitute.For([port], []));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMeterFactory, MeterFactory>(); // every .NET host has one
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Behaviours_run_logging_then_authorization_then_tenant_scope_then_validation_then_cache_invalidation()
    {
        using var provider = Build();
        var order = provider.GetServices<IPipelineBehavior<GetOverview, OverviewReport>>().Select(b => b.GetType().GetGenericTypeDefinition());
        Assert.Equal([typeof(LoggingBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(TenantScopeBehaviour<,>), typeof(ValidationBehaviour<,>),
            typeof(CacheInvalidationBehaviour<,>)], order);
    }

    [Fact]
    public async Task A_salon_admin_naming_another_salon_for_a_new_user_learns_nothing_about_that_salon()
    {
        // CreateUser is unscoped (the salon is named by the request), so its validator refuses an admin's other salon. Its
        // question "does this salon exist?" is for callers who may name any salon: an admin asking it would learn which
        // salon ids exist from "не найден" versus no such message.
        using var provider = Build();
        using var scope = provider.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>();
        user.IsAuthenticated.Returns(true);
        user.Role.Returns(Domain.Common.Role.Admin);
        user.TenantId.Returns(Guid.NewGuid());
        var bot = scope.ServiceProvider.GetRequiredService<IPublicData>();
        bot.ClearReceivedCalls();

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Users.CreateUser("not-an-email", "Strong-pass-2026", "staff", Guid.NewGuid())));
        Assert.Contains(refused.Errors, e => e.ErrorMessage.StartsWith("Администратор салона добавляет только"));
        Assert.DoesNotContain(refused.Errors, e => e.ErrorMessage.Contains("не найден"));
        Assert.Empty(bot.ReceivedCalls());
    }

    [Fact]
    public async Task A_caller_who_may_not_send_a_request_learns_nothing_from_its_validator()
    {
        // CollectDailyMetrics' validator asks the bot's data whether the named salon exists: a web user (not the system)
        // must be refused before that question is asked, or its answer would tell which salon ids exist.
        using var provider = Build();
        using var scope = provider.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>();
        user.IsAuthenticated.Returns(true);
        user.IsSystem.Returns(false);
        user.Role.Returns(Domain.Common.Role.Admin);
        var bot = scope.ServiceProvider.GetRequiredService<IPublicData>();
        bot.ClearReceivedCalls();

        await Assert.ThrowsAsync<Common.Exceptions.ForbiddenAccessException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Metrics.CollectDailyMetrics(new(2026, 11, 1), new(2026, 11, 2), Guid.NewGuid())));
        Assert.Empty(bot.ReceivedCalls());
    }

    [Fact]
    public void Every_request_in_the_application_has_exactly_one_handler()
    {
        using var provider = Build();
        var requests = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
        Assert.NotEmpty(requests);
        foreach (var request in requests)
        {
            var response = request.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var handlers = provider.GetServices(typeof(IRequestHandler<,>).MakeGenericType(request, response)).ToList();
            Assert.True(handlers.Count == 1, $"{request.Name} has {handlers.Count} handlers");
        }
    }

    [Fact]
    public async Task An_anonymous_request_is_stopped_by_authorization_before_any_tenant_scope()
    {
        using var provider = Build();
        using var scope = provider.CreateScope();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOverview()));
        Assert.Empty(provider.GetRequiredService<ITenantContext>().ReceivedCalls());
    }

    private sealed class MeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
