namespace AgentP.Application.Platform;

/// <summary>
/// Every active salon's summed closed days (<c>metrics_dailies</c>) over a range, read past the tenant scope: what a salon's
/// percentiles are computed from. Its answer never leaves Application: pages get only <see cref="SalonPercentiles"/>.
/// </summary>
public interface IPlatformFigures
{
    Task<IReadOnlyList<SalonFigures>> OfAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
