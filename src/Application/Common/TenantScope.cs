using AgentP.Application.Common.Interfaces;

namespace AgentP.Application.Common;

public static class TenantScope
{
    /// <summary>
    /// The scoped salon for raw SQL that bypasses the query filters: the salon id, or null for "all salons".
    /// An unscoped unit of work throws rather than read every salon.
    /// </summary>
    public static Guid? RequireScope(this ITenantContext tenant) =>
        tenant.TenantId ?? (tenant.AllTenants ? null : throw new InvalidOperationException("No tenant scope: send the request through the tenant-scope behaviour."));
}
