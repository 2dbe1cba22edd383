namespace AgentP.Application.Tenants;

/// <summary>
/// Every salon of the platform, whatever the unit of work's scope: the source of <see cref="SalonDirectory"/>, its one reader.
/// The tenant filter would show a salon-scoped request only its own salon, so the list is read past it, in Infrastructure.
/// </summary>
public interface IPlatformSalons
{
    Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken);
}
