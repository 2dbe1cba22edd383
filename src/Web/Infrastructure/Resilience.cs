using System.Threading.RateLimiting;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using AgentP.Application.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentP.Web.Infrastructure;

/// <summary>Abuse limits and graceful failure: sign-in and export rate limits, a 1 MB body limit, 503 when the database is away.</summary>
public static class Resilience
{
    public const long MaxBodyBytes = 1024 * 1024;

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
            // Sign-in POSTs per client address (on top of the per-account lockout), exports per user.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var request = context.Request;
                var limits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("login:" + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                if (request.Path.Value?.EndsWith("/export", StringComparison.OrdinalIgnoreCase) == true
                    || string.Equals(request.Query["handler"], "export", StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("export:" + context.User.FindFirstValue(ClaimTypes.NameIdentifier),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                return RateLimitPartition.GetNoLimiter("none");
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
