using System.Diagnostics;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Metrics;

/// <summary>
/// A collection of salon-local days, 31-day chunk by chunk, and the alerts of each chunk's days evaluated after it: what
/// <see cref="CollectDailyMetrics"/>, <see cref="CollectMissingMetrics"/> and the booking verification's re-collection
/// share. Chunks run <see cref="DashboardOptions.MetricsParallelism"/> at a time, each in its own scope (connection and
/// transaction, scoped to the system like the request): a backfill uses the database's cores as PostgreSQL's own parallel
/// query would for one statement. After a failure no further chunk starts; the report names the earliest failed chunk,
/// every day before it is saved. The caller's request declares the caches this makes old.
/// </summary>
public sealed class MetricsChunks(IServiceScopeFactory scopes, IPublicData bot, TenantTimeZones zones, TimeProvider clock, IOptions<DashboardOptions> options)
{
    public async Task<MetricsCollection> CollectAsync(DateOnly from, DateOnly to, Guid? tenantId, IProgress<MetricsChunk>? progress,
        CancellationToken cancellationToken)
    {
        var tenants = await bot.Tenants.CountAsync(t => t.IsActive && (tenantId == null || t.Id == tenantId), cancellationToken);
        // Each salon's zone, once, from the one source (a stored id PostgreSQL would refuse counts as the default).
        var salonZones = await zones.ForScopeAsync(tenantId, cancellationToken);
        // Timed from here: the collection itself, not a new process's first query (EF Core building its model).
        var started = Stopwatch.GetTimestamp();
        var days = to.DayNumber - from.DayNumber + 1;
        var chunks = new List<(DateOnly From, DateOnly To)>();
        for (var day = from; day <= to; day = day.AddDays(CollectDailyMetrics.ChunkDays))
            chunks.Add((day, Min(day.AddDays(CollectDailyMetrics.ChunkDays - 1), to)));

        var rows = new int[chunks.Count];
        var errors = new string?[chunks.Count];
        var done = 0;
        var failed = false;
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MetricsParallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                if (Volatile.Read(ref failed)) return;
                var (chunkFrom, chunkTo) = chunks[i];
                var chunkStarted = Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem();
                    rows[i] = await scope.ServiceProvider.GetRequiredService<IDailyMetricsCollector>()
                        .CollectAsync(chunkFrom, chunkTo, tenantId, salonZones, clock.GetUtcNow(), ct);
                    // What runs after collection, for the job and the CLI alike: the chunk's days against the thresholds.
                    await scope.ServiceProvider.GetRequiredService<Alerts.IAlertEvaluator>().EvaluateAsync(chunkFrom, chunkTo, tenantId, salonZones, clock.GetUtcNow(), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // This chunk rolled back; the others are committed or never started.
                    errors[i] = e.Message;
                    Volatile.Write(ref failed, true);
                    return;
                }
                lock (errors)
                    progress?.Report(new MetricsChunk(chunkFrom, chunkTo, rows[i], Stopwatch.GetElapsedTime(chunkStarted), ++done, chunks.Count));
            });

        var first = Array.FindIndex(errors, e => e is not null);
        if (first >= 0)
        {
            var at = chunks[first].From;
            return new MetricsCollection(at.DayNumber - from.DayNumber, tenants, rows[..first].Sum(), Stopwatch.GetElapsedTime(started), errors[first], at);
        }
        return new MetricsCollection(days, tenants, rows.Sum(), Stopwatch.GetElapsedTime(started));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
