using AgentP.Application.Common.Interfaces;

namespace AgentP.Infrastructure.Data;

/// <summary>Per-request (per-scope) tenant scope; both DbContexts read it in their query filters.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }
    public bool AllTenants { get; private set; }

    public void ScopeTo(Guid tenantId)
    {
        if (AllTenants || (TenantId is { } current && current != tenantId))
            throw new InvalidOperationException("The tenant scope of a unit of work is set once.");
        TenantId = tenantId;
    }

    public void ScopeToAllTenants()
    {
        if (TenantId is not null)
            throw new InvalidOperationException("The tenant scope of a unit of work is set once.");
        AllTenants = true;
    }
}
