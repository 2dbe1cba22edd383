using AgentP.Application.Common.Interfaces;
using AgentP.Application.Metrics;
using AgentP.Application.Sessions;
using AgentP.Infrastructure.Auth;
using AgentP.Infrastructure.Metrics;
using AgentP.Infrastructure.Overview;
using AgentP.Infrastructure.Sessions;
using AgentP.Application.Wishlist;
using AgentP.Infrastructure.Tenants;
using AgentP.Infrastructure.Users;
using AgentP.Infrastructure.Wishlist;
using AgentP.Application.Clients;
using AgentP.Infrastructure.Clients;
using AgentP.Application.Dialogs;
using AgentP.Infrastructure.Dialogs;
using AgentP.Application.Alerts;
using AgentP.Infrastructure.Alerts;
using AgentP.Application.Notifications;
using AgentP.Infrastructure.Notifications;
using AgentP.Infrastructure.Bookings;
using AgentP.Application.Bookings;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Http;
using AgentP.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using AgentP.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        // A page's statements stop after Dashboard:QueryTimeoutSeconds (a pool of their own); a job's keep no such limit.
        string PageConnection(string connection) =>
            DatabaseConnection.ForPages(connection, configuration.GetValue("Dashboard:QueryTimeoutSeconds", 5));

        // Resolved when first used, so hosts (and test hosts) can set the connection after registration.
        var connectionString = new Lazy<string>(() => DatabaseConnection.Resolve(configuration));
        var publicReadConnectionString = new Lazy<string>(() => DatabaseConnection.ResolvePublicRead(configuration));

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<ScopeSql>();

        // Pooled: setting up a context costs more than most of a page's queries. Each scope rents one, scoped to its
        // tenant, and returns it when the scope ends.
        services.AddPooledDbContextFactory<DashboardDbContext>(o => o.UseDashboardDatabase(connectionString.Value));
        services.AddSingleton(sp => PagePool<DashboardDbContext>.Of(sp, PageConnection(connectionString.Value)));
        services.AddScoped(Rent<DashboardDbContext>);
        services.AddScoped<IDashboardDb>(sp => sp.GetRequiredService<DashboardDbContext>());

        services.AddPooledDbContextFactory<PublicReadOnlyDbContext>(o => UsePublicRead(o, publicReadConnectionString.Value));
        services.AddSingleton(sp => PagePool<PublicReadOnlyDbContext>.Of(sp, PageConnection(publicReadConnectionString.Value)));
        services.AddScoped(Rent<PublicReadOnlyDbContext>);
        services.AddScoped<IPublicData>(sp => sp.GetRequiredService<PublicReadOnlyDbContext>());

        services.AddScoped<IDailyMetricsCollector, DailyMetricsSql>();
        services.AddSingleton<ISessionSearch, SessionSearch>();
        services.AddScoped<IWishlistQueries, WishlistSql>();
        services.AddScoped<IClientQueries, ClientSql>();
        services.AddScoped<AgentP.Application.Overview.IDialogHeatmapQuery, DialogHeatmapSql>();
        services.AddScoped<IDialogIndex, DialogIndex>();
        services.AddScoped<IClientIndex, Clients.ClientIndex>();
        services.AddScoped<AgentP.Application.Retention.IRetentionQueries, Retention.RetentionSql>();
        services.AddScoped<IAlertEvaluator, AlertSql>();
        services.AddScoped<IEscalationSlaClaims, EscalationSlaClaimsSql>();
        services.AddScoped<Application.Platform.IPlatformFigures, Platform.PlatformFiguresSql>();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        // No HTTP logging for this client: the bot token is part of every URL.
        services.AddHttpClient<ITelegram, TelegramBotClient>().RemoveAllLoggers()
            .AddRemoteApiResilience<TelegramOptions>(o => (o.MaxAttempts, o.Timeout, o.MaxDelay), TelegramBotClient.RetryAfterInBodyAsync);
        services.AddOptions<YclientsOptions>().BindConfiguration(YclientsOptions.Section);
        // No HTTP logging for this client either: the Authorization header carries the salon's token.
        services.AddHttpClient<IYclients, YclientsClient>().RemoveAllLoggers()
            .AddRemoteApiResilience<YclientsOptions>(o => (o.MaxAttempts, o.Timeout, o.MaxDelay));
        services.AddSingleton<IPasswordHasher, BCryptPasswordHasher>();
        services.AddScoped<AgentP.Application.Auth.ISignInLockouts, SignInLockoutSql>();
        services.AddScoped<AgentP.Application.Users.IPlatformOwners, PlatformOwnersSql>();
        services.AddScoped<AgentP.Application.Tenants.IPlatformSalons, PlatformSalonsSql>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static TContext Rent<TContext>(IServiceProvider services) where TContext : DbContext, ITenantFiltered
    {
        var context = services.GetRequiredService<QueryBudget>().Bounded
            ? services.GetRequiredService<PagePool<TContext>>().Contexts.CreateDbContext()
            : services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.TenantScope = services.GetRequiredService<ITenantContext>();
        return context;
    }

    private static DbContextOptionsBuilder UsePublicRead(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).AddInterceptors(ScopeSettingInterceptor.Instance)
            .UseSnakeCaseNamingConvention().UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    /// <summary>
    /// The pooled contexts of pages and exports: the jobs' options (whatever else configures them) on connections whose
    /// statements stop after the page timeout.
    /// </summary>
    private sealed record PagePool<TContext>(IDbContextFactory<TContext> Contexts) where TContext : DbContext
    {
        public static PagePool<TContext> Of(IServiceProvider services, string connectionString)
        {
            var options = new DbContextOptionsBuilder<TContext>(services.GetRequiredService<DbContextOptions<TContext>>());
            options.UseNpgsql(connectionString);
            return new PagePool<TContext>(new PooledDbContextFactory<TContext>(options.Options));
        }
    }

    public static DbContextOptionsBuilder UseDashboardDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", DashboardDbContext.Schema))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(ScopeSettingInterceptor.Instance);
}
