using System.Threading.RateLimiting;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using AgentP.Application.Auth;
using Microsoft.AspNetCore.RateLimiting;
using AgentP.Application.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentP.Web.Hosting;

/// <summary>Abuse limits and graceful failure: sign-in and export rate limits, a 1 MB body limit, 503 when the database is away.</summary>
public static class Resilience
{
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Sign-in POSTs per client address and minute (on top of the per-account lockout).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>CSV exports per user and minute.</summary>
    public const string ExportPolicy = "export";

    /// <summary>
    /// Puts every export under <see cref="ExportPolicy"/>: a page named Export (the whole page is the file) and every
    /// page with an Export handler (<c>?handler=export</c>), whatever the pages' code looks like.
    /// </summary>
    public static void LimitExports(PageApplicationModel page)
    {
        var whole = page.ViewEnginePath.EndsWith("/Export", StringComparison.OrdinalIgnoreCase);
        var handler = page.HandlerMethods.Any(h => string.Equals(h.HandlerName, "Export", StringComparison.OrdinalIgnoreCase));
        if (!whole && !handler) return;
        page.EndpointMetadata.Add(new EnableRateLimitingAttribute(ExportPolicy));
        page.EndpointMetadata.Add(new ExportEndpoint(whole ? null : "Export"));
    }

    public static IServiceCollection AddResilience(this IServiceCollection services)
    {
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = (int)MaxBodyBytes;
            o.MultipartBodyLengthLimit = MaxBodyBytes;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Keyed by the endpoint, not the path: routing matches /login/, /LOGIN and /overview alike, so a path
            // comparison is always one spelling short. The policies come with the pages (LoginModel's attribute, the
            // export convention below).
            o.AddPolicy(SignInPolicy, context =>
            {
                // Only the form's POST counts; its GET (the form itself) is free.
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddressKey.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.AddPolicy(ExportPolicy, context =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<ExportEndpoint>() is not { } export || !export.Selects(context))
                    return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>Before routing: refuse oversized bodies (413) and turn a database outage into a friendly 503.</summary>
    public static IApplicationBuilder UseResilience(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsDatabaseOutage(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentP.Database")
                .LogError(e, "Database unavailable for {Path}", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
        }
    });

    private static bool IsDatabaseOutage(Exception e) => e switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } => true,
        NpgsqlException { IsTransient: true } => true,
        _ when e.InnerException is not null => IsDatabaseOutage(e.InnerException),
        _ => false,
    };
}

/// <summary>An export endpoint: the whole page (<see cref="Handler"/> null) or only its handler of that name.</summary>
public sealed record ExportEndpoint(string? Handler)
{
    /// <summary>
    /// Whether this request runs the export: Razor Pages takes the handler from the route, else the first
    /// <c>handler</c> in the query, compared without case (HEAD runs the GET handler, so the method does not matter).
    /// </summary>
    public bool Selects(HttpContext context)
    {
        if (Handler is null) return true;
        var name = context.GetRouteValue("handler")?.ToString() is { Length: > 0 } routed ? routed
            : context.Request.Query.TryGetValue("handler", out var values) ? values[0] : null;
        return string.Equals(name, Handler, StringComparison.OrdinalIgnoreCase);
    }
}
