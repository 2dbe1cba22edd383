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

/// <summary>
/// Abuse limits and graceful failure: sign-in and export rate limits, a per-user limit on heavy requests running at once,
/// a 1 MB body limit, 503 when the database is away or a page's statement outlasts its timeout.
/// </summary>
public static class Resilience
{
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Sign-in POSTs per client address and minute (on top of the per-account lockout).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>CSV exports per user and minute.</summary>
    public const string ExportPolicy = "export";

    /// <summary>Why an error page is shown, when its status alone does not say (<see cref="HttpContext.Items"/>).</summary>
    public const string ReasonKey = "agentp:status-reason";

    /// <summary>A statement of the page ran past <c>Dashboard:QueryTimeoutSeconds</c> (503).</summary>
    public const string TimedOut = "timed-out";

    /// <summary>The user already has <c>Dashboard:HeavyRequestsPerUser</c> heavy requests running (429; a full instance queue, <c>Dashboard:HeavyQueuePerInstance</c>, gets the plain 429 page).</summary>
    public const string TooManyHeavy = "too-many-heavy";

    /// <summary>
    /// The pages whose every request is heavy: reports over a period and lists with filters (text search, ranges), besides
    /// every export (<see cref="LimitExports"/>). A page's answer to one row (a dialog, a client card) or a form is not.
    /// </summary>
    private static readonly string[] HeavyPages =
        ["/Index", "/Platform", "/Sessions/Index", "/Clients/Index", "/Retention/Index", "/Wishlist/Index", "/Escalations/Index", "/Audit/Index"];

    /// <summary>Marks the heavy pages (<see cref="HeavyPages"/>) and every export with <see cref="HeavyEndpoint"/>.</summary>
    public static void MarkHeavy(PageApplicationModel page)
    {
        if (HeavyPages.Contains(page.ViewEnginePath, StringComparer.OrdinalIgnoreCase) || page.EndpointMetadata.OfType<ExportEndpoint>().Any())
            page.EndpointMetadata.Add(new HeavyEndpoint());
    }

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
            // Heavy requests, on top of any endpoint policy. First one user's at once: the one past the limit is refused,
            // not queued (one user's queue would only hold connections while that user's others keep the database busy).
            // Then the instance's, all users together: those wait their turn in order, so that however many users ask at
            // once, the database the bot shares runs only a few of the dashboard's heavy statements at a time.
            var perUser = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<HeavyEndpoint>() is null
                    || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
                    return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter(user,
                    _ => new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, limits.HeavyRequestsPerUser), QueueLimit = 0 });
            });
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perUser,
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    // Not an export: a download holds its permit until the last byte is read, however slowly the browser
                    // reads, with the database long done; exports have their own per-minute window and the user's limit.
                    if (context.GetEndpoint()?.Metadata is not { } metadata || metadata.GetMetadata<HeavyEndpoint>() is null
                        || metadata.GetMetadata<ExportEndpoint>() is { } export && export.Selects(context))
                        return RateLimitPartition.GetNoLimiter("");
                    var limits = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
                    return RateLimitPartition.GetConcurrencyLimiter("instance", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = Math.Max(1, limits.HeavyRequestsPerInstance),
                        QueueLimit = Math.Max(0, limits.HeavyQueuePerInstance),
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
                }));
            o.OnRejected = (rejected, cancellationToken) =>
            {
                // An export's per-minute window says when to come back; the heavy limit's refusal does not. Only the
                // user's own limit says "you have too many open"; a full instance queue gets the plain "wait a minute".
                if (rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HeavyEndpoint>() is not null
                    && !rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out _)
                    && perUser.GetStatistics(rejected.HttpContext)?.CurrentAvailablePermits == 0)
                    rejected.HttpContext.Items[ReasonKey] = TooManyHeavy;
                return ValueTask.CompletedTask;
            };
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
        catch (Exception e) when (IsStatementTimeout(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentP.Database")
                .LogWarning(e, "A statement of {Path} ran past the page timeout", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Items[ReasonKey] = TimedOut;
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

    /// <summary>
    /// The server stopped a statement at <c>statement_timeout</c>. A request whose client went away is cancelled with the
    /// same SQL state, but Npgsql raises that as an <see cref="OperationCanceledException"/>: not a timeout.
    /// </summary>
    private static bool IsStatementTimeout(Exception e) => e switch
    {
        OperationCanceledException => false,
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => true,
        _ when e.InnerException is not null => IsStatementTimeout(e.InnerException),
        _ => false,
    };

    private static bool IsDatabaseOutage(Exception e) => e switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } => true,
        NpgsqlException { IsTransient: true } => true,
        _ when e.InnerException is not null => IsDatabaseOutage(e.InnerException),
        _ => false,
    };
}

/// <summary>A heavy endpoint (<see cref="Resilience.MarkHeavy"/>): at most <c>Dashboard:HeavyRequestsPerUser</c> of them per user at once, and <c>Dashboard:HeavyRequestsPerInstance</c> per instance (the rest queued).</summary>
public sealed record HeavyEndpoint;

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
