namespace AgentP.Domain.Common;

/// <summary>A row that belongs to one salon. Every such entity gets the tenant query filter (docs/architecture.md §6).</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
