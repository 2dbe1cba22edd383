namespace AgentP.Application.Tenants;

/// <summary>
/// Every salon of the platform by name, whatever the unit of work's scope: the super_admin's choice of salon on a page whose
/// request is scoped to the salon picked in the header (the users page's create form). The tenant filter would show such a
/// request only the picked salon, so the list is read past it, in Infrastructure; callers ask for it for a super_admin only.
/// </summary>
public interface IPlatformSalons
{
    Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken);
}
