using System.Diagnostics;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

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

public sealed class CollectDailyMetricsHandler(
    IDailyMetricsCollector collector, Alerts.IAlertEvaluator alerts, IPublicData bot, TenantTimeZones zones, TimeProvider clock)
    : IRequestHandler<CollectDailyMetrics, MetricsCollection>
{
    public async Task<MetricsCollection> Handle(CollectDailyMetrics request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tenants = await bot.Tenants.IgnoreQueryFilters()
            .CountAsync(t => t.IsActive && (request.TenantId == null || t.Id == request.TenantId), cancellationToken);
        var days = request.To.DayNumber - request.From.DayNumber + 1;
        var total = (days + CollectDailyMetrics.ChunkDays - 1) / CollectDailyMetrics.ChunkDays;
        var rows = 0;
        var done = 0;
        for (var from = request.From; from <= request.To; from = from.AddDays(CollectDailyMetrics.ChunkDays))
        {
            var to = Min(from.AddDays(CollectDailyMetrics.ChunkDays - 1), request.To);
            var chunkStarted = Stopwatch.GetTimestamp();
            int chunkRows;
            try
            {
                chunkRows = await collector.CollectAsync(from, to, request.TenantId, zones.Default.Id, clock.GetUtcNow(), cancellationToken);
                // What runs after collection, for the job and the CLI alike: the chunk's days against the thresholds.
                await alerts.EvaluateAsync(from, to, request.TenantId, clock.GetUtcNow(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Earlier chunks are committed; this one rolled back. Report where to resume.
                return new MetricsCollection(from.DayNumber - request.From.DayNumber, tenants, rows, Stopwatch.GetElapsedTime(started), e.Message, from);
            }
            rows += chunkRows;
            request.Progress?.Report(new MetricsChunk(from, to, chunkRows, Stopwatch.GetElapsedTime(chunkStarted), ++done, total));
        }
        return new MetricsCollection(days, tenants, rows, Stopwatch.GetElapsedTime(started));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
