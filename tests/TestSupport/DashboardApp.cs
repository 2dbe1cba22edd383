using Xunit;
using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Auth;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Data;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentP.TestSupport;

/// <summary>The real app (real pipeline, real PostgreSQL) on a test database, with a clock the test controls.</summary>
public sealed partial class DashboardApp(TestDatabase db, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The app runs from build output, not a publish folder: serve wwwroot/lib and the compressed copies
        // the way Development does, from the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Dashboard", db.AppConnectionString);
        builder.UseSetting("Dashboard:MigrateOnStart", "false"); // the template database is migrated already
        builder.UseSetting("Dashboard:RunJobs", "false"); // tests run jobs themselves, through the same use cases
        // Tests sign in far more often than people do; the limiter has tests of its own with real limits.
        builder.UseSetting("Dashboard:SignInsPerMinute", "100000");
        builder.UseSetting("Dashboard:ExportsPerMinute", "100000");
        builder.UseSetting("Dashboard:DataProtectionCertificate", TestCertificate.PfxPath);
        builder.UseSetting("Dashboard:DataProtectionCertificatePassword", TestCertificate.Password);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(Clock);
            collection.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
            services?.Invoke(collection);
        });
    }

    /// <summary>The address the in-memory test server's requests come from (it has no network peer of its own).</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    public HttpClient Browser()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.UserAgent.ParseAdd("AgentP-Tests/1.0");
        return client;
    }

    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                // A test may speak from another address (rate limits are per address).
                context.Connection.RemoteIpAddress ??= IPAddress.TryParse(context.Request.Headers["X-Test-Client-Ip"], out var address) ? address : ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public async Task<long> CreateUserAsync(string email, string password, Role role, Guid? tenant, bool active = true)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem(); // seeding any salon, as the CLI does
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var user = DashboardUser.Create(email, scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(password), role, tenant, Clock.GetUtcNow());
        if (!active) user.Deactivate(Clock.GetUtcNow());
        dashboard.Users.Add(user);
        await dashboard.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Sends a request through the whole MediatR pipeline as the given user (no HTTP).</summary>
    public async Task<T> SendAs<T>(TestUser user, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        var principal = DashboardClaims.Principal(
            new SignedInUser(user.Id, $"{user.Id}@test", "Test", user.Role, user.Tenant, null, "stamp", Guid.Empty, DateTimeOffset.MaxValue),
            CookieAuthenticationDefaults.AuthenticationScheme);
        if (user.Selected is { } selected) principal = DashboardClaims.WithSelectedTenant(principal, selected, "Selected");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>
    /// Sends a request of a type known only at run time as the given user, and hands its answer to <paramref name="read"/>
    /// before the DI scope ends (an export's rows are read after its <c>Send</c>, on the request's own services).
    /// </summary>
    public async Task<T> SendAs<T>(TestUser user, object request, Func<object?, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        var principal = DashboardClaims.Principal(
            new SignedInUser(user.Id, $"{user.Id}@test", "Test", user.Role, user.Tenant, null, "stamp", Guid.Empty, DateTimeOffset.MaxValue),
            CookieAuthenticationDefaults.AuthenticationScheme);
        if (user.Selected is { } selected) principal = DashboardClaims.WithSelectedTenant(principal, selected, "Selected");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        var response = request.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GenericTypeArguments[0];
        var send = typeof(IMediator).GetMethods().Single(m => m.Name == "Send" && m.IsGenericMethodDefinition).MakeGenericMethod(response);
        var task = (Task)send.Invoke(scope.ServiceProvider.GetRequiredService<IMediator>(), [request, CancellationToken.None])!;
        await task;
        return await read(task.GetType().GetProperty("Result")!.GetValue(task));
    }

    /// <summary>A browser signed in as <paramref name="email"/>; throws when the sign-in is refused.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Browser();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} was refused ({(int)response.StatusCode}).");
        return client;
    }

    /// <summary>Signs in through the real /login form (anti-forgery token included), posted to <paramref name="path"/>.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool rememberMe = false,
        string path = "/login")
    {
        var token = await AntiForgeryTokenAsync(client, "/login");
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["RememberMe"] = rememberMe ? "true" : "false", ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiForgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed record TestUser(long Id, Role Role, Guid? Tenant, Guid? Selected = null);

/// <summary>A test class's own database and app. Seed the bot's rows in <see cref="SeedAsync"/>; dispose proves public unchanged.</summary>
public class AppFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public DashboardApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        Db = await server.CreateDatabaseAsync(GetType().Name);
        App = new DashboardApp(Db, await SettingsAsync(), ConfigureServices);
        await SeedAsync();
        await Db.SealPublicAsync();
    }

    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Services the test class's app gets on top of its own (an exporter to read, for instance).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Figures, badges and lookups cached for 5 minutes (the tests' default is production's 30 s): for tests that look twice.</summary>
    protected static readonly IReadOnlyDictionary<string, string> CachedFiveMinutes =
        new Dictionary<string, string> { ["Dashboard:ReportCacheSeconds"] = "300" };

    /// <summary>Configuration the test class's app runs with (fake servers' addresses, for instance).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string>?>(null);

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
