namespace AgentP.Domain.Common;

/// <summary>A row that belongs to one salon. Every such entity gets the tenant query filter (DESIGN §6).</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
