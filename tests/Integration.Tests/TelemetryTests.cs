using AgentP.Application.Notifications;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AgentP.Integration.Tests;

/// <summary>The app's OpenTelemetry pipeline, read through an in-memory exporter added to it.</summary>
public sealed class TelemetryFixture : AppFixture
{
    public const string Password = "Telemetry-2026";
    public List<Metric> Exported { get; } = [];
    public Guid Salon { get; private set; }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Exported));

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон без бота"); // no Telegram token: its alert cannot be delivered
        await App.CreateUserAsync("admin@telemetry.local", Password, Role.Admin, Salon);
        await Db.ExecuteAsync($"""
            INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
            VALUES ('{Salon}', 'low_conversion', 'warning', '2026-11-22', 15, 5, 'Конверсия 5,0 %', now(), now(), now())
            """);
    }

    public IReadOnlyList<(string Name, Dictionary<string, object?> Tags, double Value)> Points(string metric)
    {
        App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var points = new List<(string, Dictionary<string, object?>, double)>();
        lock (Exported)
            foreach (var m in Exported.Where(m => m.Name == metric))
                foreach (ref readonly var p in m.GetMetricPoints())
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in p.Tags) tags[tag.Key] = tag.Value;
                    var value = m.MetricType switch
                    {
                        MetricType.LongSum => p.GetSumLong(),
                        MetricType.Histogram => p.GetHistogramCount(),
                        _ => 0,
                    };
                    points.Add((m.Name, tags, value));
                }
        return points;
    }
}

/// <summary>
/// OpenTelemetry's listener is process-wide: a provider also aggregates the same-named ASP.NET Core instruments of every
/// other test host, and a host disposing its meter stops that shared stream (opentelemetry-dotnet#6412). So this class
/// runs alone, after the parallel ones, when no other host is alive.
/// </summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    [Fact]
    public async Task Request_durations_are_exported_with_their_route_and_status()
    {
        using var client = await fixture.App.SignedInAsync("admin@telemetry.local", TelemetryFixture.Password);
        (await client.GetAsync("/escalations")).EnsureSuccessStatusCode();
        static bool Escalations((string Name, Dictionary<string, object?> Tags, double Value) p) =>
            Equals(p.Tags.GetValueOrDefault("http.route"), "escalations") && Equals(p.Tags.GetValueOrDefault("http.response.status_code"), 200) && p.Value >= 1;
        // The host records a request's duration as the request ends, which can be just after the client has read the
        // answer (a clean-clone CI run once flushed in between): wait for it, briefly.
        for (var i = 0; i < 50 && !fixture.Points("http.server.request.duration").Any(Escalations); i++) await Task.Delay(100);
        Assert.Contains(fixture.Points("http.server.request.duration"), Escalations);
    }

    [Fact]
    public async Task Notification_outcomes_are_counted()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendNotifications());
        Assert.Contains(fixture.Points("agentp.notifications"),
            p => Equals(p.Tags["kind"], "alert") && Equals(p.Tags["outcome"], "failed") && p.Value >= 1);
    }
}
