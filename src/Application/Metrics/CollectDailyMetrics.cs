using System.Diagnostics;
using AgentP.Application.Attention;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Metrics;

/// <summary>
/// Computes <c>dashboard.metrics_dailies</c> for salon-local days [<see cref="From"/>, <see cref="To"/>] of every
/// active salon (or one), chunk by chunk. A system command without a user: only the hourly job and the
/// <c>collect-metrics</c> verb send it, no page does; it reads nothing back and is idempotent.
/// </summary>
public sealed record CollectDailyMetrics(DateOnly From, DateOnly To, Guid? TenantId = null, IProgress<MetricsChunk>? Progress = null)
    : IRequest<MetricsCollection>
{
    public const int ChunkDays = 31;
}

/// <summary>One chunk's outcome, reported as it finishes.</summary>
public sealed record MetricsChunk(DateOnly From, DateOnly To, int Rows, TimeSpan Elapsed, int Done, int Total);

public sealed record MetricsCollection(int Days, int Tenants, int Rows, TimeSpan Elapsed, string? Error = null, DateOnly? FailedFrom = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>The set-based SQL behind the metrics (Infrastructure). <c>tenantId</c> null means every active salon.</summary>
public interface IDailyMetricsCollector
{
    /// <summary>Upserts the range's rows; one call is one transaction. Returns the rows written.</summary>
    Task<int> CollectAsync(DateOnly from, DateOnly to, Guid? tenantId, string defaultTimeZone, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The same rows, computed live and not stored (today's figures).</summary>
    Task<IReadOnlyList<DailyMetrics>> ComputeAsync(DateOnly from, DateOnly to, Guid? tenantId, string defaultTimeZone, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed class CollectDailyMetricsValidator : AbstractValidator<CollectDailyMetrics>
{
    public const int MaxDays = 3660;

    public CollectDailyMetricsValidator(IPublicData bot)
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("Дата «по» раньше даты «с».");
        RuleFor(x => x).Must(x => x.To.DayNumber - x.From.DayNumber < MaxDays)
            .WithMessage($"Слишком длинный период: не больше {MaxDays} дней за раз.").WithName("To");
        RuleFor(x => x.TenantId)
            .MustAsync(async (id, ct) => id is null || await bot.Tenants.IgnoreQueryFilters().AnyAsync(t => t.Id == id, ct))
            .WithMessage("Салон {PropertyValue} не найден.");
    }
}

/// <summary>
/// Chunks run <see cref="DashboardOptions.MetricsParallelism"/> at a time, each in its own scope (connection and
/// transaction): a backfill uses the database's cores as PostgreSQL's own parallel query would for one statement.
/// After a failure no further chunk starts; the report names the earliest failed chunk, every day before it is saved.
/// </summary>
public sealed class CollectDailyMetricsHandler(
    IServiceScopeFactory scopes, IPublicData bot, TenantTimeZones zones, AttentionCounter attention, Reused reused, TimeProvider clock,
    IOptions<DashboardOptions> options)
    : IRequestHandler<CollectDailyMetrics, MetricsCollection>
{
    public async Task<MetricsCollection> Handle(CollectDailyMetrics request, CancellationToken cancellationToken)
    {
        var tenants = await bot.Tenants.IgnoreQueryFilters()
            .CountAsync(t => t.IsActive && (request.TenantId == null || t.Id == request.TenantId), cancellationToken);
        // Timed from here: the collection itself, not a new process's first query (EF Core building its model).
        var started = Stopwatch.GetTimestamp();
        var days = request.To.DayNumber - request.From.DayNumber + 1;
        var chunks = new List<(DateOnly From, DateOnly To)>();
        for (var from = request.From; from <= request.To; from = from.AddDays(CollectDailyMetrics.ChunkDays))
            chunks.Add((from, Min(from.AddDays(CollectDailyMetrics.ChunkDays - 1), request.To)));

        var rows = new int[chunks.Count];
        var errors = new string?[chunks.Count];
        var done = 0;
        var failed = false;
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MetricsParallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                if (Volatile.Read(ref failed)) return;
                var (from, to) = chunks[i];
                var chunkStarted = Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    rows[i] = await scope.ServiceProvider.GetRequiredService<IDailyMetricsCollector>()
                        .CollectAsync(from, to, request.TenantId, zones.Default.Id, clock.GetUtcNow(), ct);
                    // What runs after collection, for the job and the CLI alike: the chunk's days against the thresholds.
                    if (await scope.ServiceProvider.GetRequiredService<Alerts.IAlertEvaluator>().EvaluateAsync(from, to, request.TenantId, clock.GetUtcNow(), ct) > 0)
                        attention.Changed();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // This chunk rolled back; the others are committed or never started.
                    errors[i] = e.Message;
                    Volatile.Write(ref failed, true);
                    return;
                }
                finally
                {
                    Overview.ReportCache.Collected(reused);
                }
                lock (errors)
                    request.Progress?.Report(new MetricsChunk(from, to, rows[i], Stopwatch.GetElapsedTime(chunkStarted), ++done, chunks.Count));
            });

        var first = Array.FindIndex(errors, e => e is not null);
        if (first >= 0)
        {
            var at = chunks[first].From;
            return new MetricsCollection(at.DayNumber - request.From.DayNumber, tenants, rows[..first].Sum(), Stopwatch.GetElapsedTime(started), errors[first], at);
        }
        return new MetricsCollection(days, tenants, rows.Sum(), Stopwatch.GetElapsedTime(started));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
