namespace AgentP.Application.Common.Interfaces;

/// <summary>
/// The salons this unit of work (one request through the pipeline) may see. Set by the tenant-scope behaviour and read
/// by the query filters and the cache. Until it is set nothing tenant-owned is visible: forgetting to scope fails closed.
/// </summary>
public interface ITenantContext
{
    /// <summary>The one salon of the unit of work; null for every salon (or before scoping).</summary>
    Guid? TenantId { get; }

    /// <summary>Every salon is visible: a super_admin's "all salons", or the system.</summary>
    bool AllTenants { get; }

    /// <summary>A job or the command line working across salons (no user's view).</summary>
    bool IsSystem { get; }

    void ScopeTo(Guid tenantId);
    void ScopeToAllTenants();
    void ScopeToSystem();

    /// <summary>No salon at all, for a request that reads no tenant data (a sign-in): nothing left from an earlier request.</summary>
    void Unscope();

    /// <summary>
    /// Marks the unit of work as running until disposed: meanwhile its scope cannot change (a request sent inside another
    /// with a different scope throws). The next unit of work in the same DI scope sets its own.
    /// </summary>
    IDisposable Run();
}
