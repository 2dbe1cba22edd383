using AgentP.Application.Common.Interfaces;

namespace AgentP.Application.Common.Caching;

/// <summary>The tenant scope of a cache entry, to be set again in a refresh's own DI scope.</summary>
internal readonly record struct EntryScope(Guid? TenantId, bool AllTenants, bool IsSystem)
{
    public static EntryScope Of(ITenantContext tenant) => new(tenant.TenantId, tenant.AllTenants, tenant.IsSystem);

    public void Apply(ITenantContext tenant)
    {
        if (IsSystem) tenant.ScopeToSystem();
        else if (TenantId is { } id) tenant.ScopeTo(id);
        else if (AllTenants) tenant.ScopeToAllTenants();
        else throw new InvalidOperationException("A cache entry always belongs to a scope.");
    }
}
