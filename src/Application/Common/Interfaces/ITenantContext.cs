namespace AgentP.Application.Common.Interfaces;

/// <summary>
/// The tenant this unit of work may see. Set once by the tenant-scope behaviour (or a job) and read by the
/// query filters. Until it is set nothing tenant-owned is visible: forgetting to scope fails closed.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
    bool AllTenants { get; }
    void ScopeTo(Guid tenantId);
    void ScopeToAllTenants();
}
