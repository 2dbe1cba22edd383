namespace AgentP.Application.Common.Security;

/// <summary>
/// A request that reads one salon's data. <see cref="TenantId"/> is the salon the request names, if any:
/// an admin or staff member naming another salon gets a 404, a super_admin gets the named salon
/// (or the one picked in the switcher).
/// </summary>
public interface ITenantScoped
{
    Guid? TenantId { get; }
}
