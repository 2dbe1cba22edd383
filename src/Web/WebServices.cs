using Microsoft.Extensions.Options;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Jobs;
using AgentP.Web.Auth;
using AgentP.Web.Cli;
using AgentP.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace AgentP.Web;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("ru-RU"), new("en-US")];

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder, bool isCommandLine)
    {
        var services = builder.Services;
        DatabaseConnection.Normalize(builder.Configuration);
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section))
            .Validate(o => o.PublicBaseUrl is not { Length: > 0 } url
                           || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0,
                "Dashboard:PublicBaseUrl must be an absolute http(s) address without query, like https://dashboard.example.com")
            .ValidateOnStart();
        // What decides how the host is put together is read here, once, through the same options class.
        var options = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();

        if (isCommandLine)
        {
            // The verbs print their own progress; EF's probe of a not-yet-created history table is no error.
            builder.Logging.SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
                .AddFilter("AgentP.Application.Common.Behaviours", LogLevel.Error);
            services.AddSingleton<ICurrentUser, CommandLineUser>();
            return builder;
        }

        // Run from build output (build/run.sh, `dotnet run`) rather than a publish folder, the compressed copies that
        // MapStaticAssets offers to every browser (Accept-Encoding: gzip, br) live under obj/, reachable only through the
        // static web assets manifest beside the binary. The host reads that manifest in Development only: in Production
        // every asset then answered 200 with an empty body. A publish folder has no such manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        // Production logs are JSON lines with their scopes: request id and trace id from hosting, user and salon from ours.
        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });

        // Behind a reverse proxy (Dashboard:TrustForwardedHeaders) the client's address and scheme come from X-Forwarded-*,
        // but only when the proxy itself sent them (Dashboard:TrustedProxies, loopback by default): believed from anyone,
        // every request could name a fresh address (a new sign-in allowance, a false ip in the audit) or claim HTTPS.
        if (options.TrustForwardedHeaders)
        {
            var proxies = TrustedProxies.Read(builder.Configuration);
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                if (proxies.Count == 0) return; // the framework's default: loopback only
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                foreach (var network in proxies) o.KnownIPNetworks.Add(network);
            });
        }
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // APP_PORT (default 8080) unless the host was given explicit URLs (ASPNETCORE_URLS, --urls).
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            var port = builder.Configuration["APP_PORT"] is { Length: > 0 } configured ? configured : "8080";
            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        }

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        var dataProtection = services.AddDataProtection().SetApplicationName("AgentP.Dashboard").PersistKeysToDbContext<DashboardDbContext>();
        // The keys sit in the database: encrypted at rest with the configured certificate, so a copy of the table (a backup,
        // a read replica) does not hand out the keys that sign cookies. Every instance needs the same certificate.
        if (builder.Configuration["Dashboard:DataProtectionCertificate"] is { Length: > 0 } pfx)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, builder.Configuration["Dashboard:DataProtectionCertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        // The anti-forgery cookie's default never says Secure; over HTTPS (direct or from a trusted proxy) it should.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/status/403";
                o.Cookie.Name = "agentp.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SecurityStampValidation.ValidateAsync;
                // htmx follows a 302 inside its request and would swap the sign-in page into the results; it is told to
                // load the page itself instead (HX-Redirect), as a browser following the 302 would.
                o.Events.OnRedirectToLogin = c => HtmxAwareRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => HtmxAwareRedirect(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Russian unless the user picked English: the browser's language does not decide.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Cyrillic goes out as UTF-8 text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddRazorPages(o => o.Conventions
                .AllowAnonymousToPage("/Login").AllowAnonymousToPage("/Status").AllowAnonymousToPage("/Account/Reset")
                .AddPageRoute("/Index", "overview")
                .AddPageRoute("/Wishlist/Decide", "wishlist/bulk")
                .AddFolderApplicationModelConvention("/", page =>
                {
                    Resilience.LimitExports(page);
                    Resilience.MarkHeavy(page); // after: every export is heavy
                }))
            .AddMvcOptions(o =>
            {
                o.Filters.Add<ApplicationExceptionFilter>();
                // Input rules live in FluentValidation (in Russian); MVC must not add its own English "required".
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization();

        services.AddScheduledJobs(options.RunJobs, options.StartupCollectionDelay);
        // SIGTERM (a rolling update, a crash loop) ends the process within 10 s, the usual grace before SIGKILL: 8 s for the
        // hosted services (the scheduler's jobs are cancelled, then waited for), the rest for disposal.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        services.AddResilience();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // OpenTelemetry metrics: request duration (ASP.NET Core's own meters) and the dashboard's jobs, notifications and
        // YClients answers. Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables apply).
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("agentp-dashboard"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DashboardMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) metrics.AddOtlpExporter();
            });
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.TrustForwardedHeaders) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/status/500");
            app.UseHsts(); // only over HTTPS (directly or as the proxy reports it)
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseResilience();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            // Every log line of the request names who and which salon.
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentP.Request");
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["UserId"] = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
                ["TenantId"] = context.User.FindFirst(DashboardClaims.TenantId)?.Value ?? context.User.FindFirst(DashboardClaims.SelectedTenantId)?.Value,
            }))
                await next(context);
        });
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    private static Task HtmxAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Headers["HX-Request"] == "true")
        {
            context.Response.StatusCode = status;
            context.Response.Headers["HX-Redirect"] = context.RedirectUri;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
