using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Security;
using AgentP.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using AgentP.Application.Tenants;
namespace AgentP.Application.Metrics;

/// <summary>
/// Computes <c>dashboard.metrics_dailies</c> for salon-local days [<see cref="From"/>, <see cref="To"/>] of every
/// active salon (or one), chunk by chunk (<see cref="MetricsChunks"/>). A system request: only the hourly job and
/// the <c>collect-metrics</c> verb send it, no page does; it reads nothing back and is idempotent.
/// </summary>
[Changes(CacheTags.Figures, CacheTags.Attention)]
public sealed record CollectDailyMetrics(DateOnly From, DateOnly To, Guid? TenantId = null, IProgress<MetricsChunk>? Progress = null)
    : IRequest<MetricsCollection>, ISystemRequest
{
    public const int ChunkDays = 31;
}

public sealed record MetricsCollection(int Days, int Tenants, int Rows, TimeSpan Elapsed, string? Error = null, DateOnly? FailedFrom = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>One chunk's outcome, reported as it finishes.</summary>
public sealed record MetricsChunk(DateOnly From, DateOnly To, int Rows, TimeSpan Elapsed, int Done, int Total);

public sealed class CollectDailyMetricsValidator : AbstractValidator<CollectDailyMetrics>
{
    public const int MaxDays = 3660;

    public CollectDailyMetricsValidator(SalonDirectory salons)
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("Дата «по» раньше даты «с».");
        RuleFor(x => x).Must(x => x.To.DayNumber - x.From.DayNumber < MaxDays)
            .WithMessage($"Слишком длинный период: не больше {MaxDays} дней за раз.").WithName("To");
        RuleFor(x => x.TenantId)
            .MustAsync(async (id, ct) => id is null || await salons.ExistsAsync(id.Value, ct))
            .WithMessage("Салон {PropertyValue} не найден.");
    }
}

public sealed class CollectDailyMetricsHandler(MetricsChunks chunks) : IRequestHandler<CollectDailyMetrics, MetricsCollection>
{
    public Task<MetricsCollection> Handle(CollectDailyMetrics request, CancellationToken cancellationToken) =>
        chunks.CollectAsync(request.From, request.To, request.TenantId, request.Progress, cancellationToken);
}
