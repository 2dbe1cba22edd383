using AgentP.Application.Common.Interfaces;

namespace AgentP.Infrastructure.Data;

/// <summary>The members a tenant query filter reads on its context.</summary>
internal interface ITenantFiltered
{
    /// <summary>
    /// The scope of the unit of work the context serves. Contexts are pooled, so whoever hands one out sets it (see
    /// <c>AddInfrastructureServices</c>); a context nobody scoped sees no salon's rows.
    /// </summary>
    ITenantContext TenantScope { get; set; }
    bool AllTenants { get; }
    Guid? CurrentTenantId { get; }
}
