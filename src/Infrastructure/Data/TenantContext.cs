using AgentP.Application.Common.Interfaces;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// The tenant scope of the DI scope's current unit of work (a request's <c>Send</c>); both DbContexts and the cache read it.
/// While a unit of work runs its scope cannot change; the next unit of work in the same DI scope (the layout's menu
/// badges after the page's own request, say) scopes itself afresh.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    private int running;
    private bool unscopedRequest;

    public Guid? TenantId { get; private set; }
    public bool AllTenants { get; private set; }
    public bool IsSystem { get; private set; }

    public void ScopeTo(Guid tenantId) => Set(tenantId, all: false, system: false);
    public void ScopeToAllTenants() => Set(null, all: true, system: false);
    public void ScopeToSystem() => Set(null, all: true, system: true);
    public void Unscope() => Set(null, all: false, system: false, unscoped: true);

    /// <summary>
    /// The scope as the database's row-level security reads it (<c>app.tenant_id</c>, set on every connection a context
    /// opens, <see cref="ScopeSettingInterceptor"/>): the salon's id, <c>all</c>, <c>system</c>, <c>accounts</c> for a
    /// request that declares no scope (it may find and change accounts, nothing else), or empty before any unit of work
    /// (no salon's rows at all).
    /// </summary>
    public string DatabaseSetting => this switch
    {
        { TenantId: { } id } => id.ToString(),
        { IsSystem: true } => "system",
        { AllTenants: true } => "all",
        { unscopedRequest: true } => "accounts",
        _ => "",
    };

    public IDisposable Run()
    {
        Interlocked.Increment(ref running);
        return new Finished(this);
    }

    private void Set(Guid? tenantId, bool all, bool system, bool unscoped = false)
    {
        var same = TenantId == tenantId && AllTenants == all && IsSystem == system && unscopedRequest == unscoped;
        if (!same && Volatile.Read(ref running) > 0)
            throw new InvalidOperationException("The tenant scope of a unit of work is set once: a request sent inside another must not change it.");
        (TenantId, AllTenants, IsSystem, unscopedRequest) = (tenantId, all, system, unscoped);
    }

    private sealed class Finished(TenantContext context) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) Interlocked.Decrement(ref context.running);
        }
    }
}
