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

/// <summary>A tenant-scoped request a super_admin may also send for all salons at once.</summary>
public interface IAllowsAllTenants : ITenantScoped;

/// <summary>A super_admin's request that always sees every salon (the Platform page, the salon switcher).</summary>
public interface IPlatformWide;

/// <summary>
/// A request a scheduled job or the command line sends for every salon (or one it names): the unit of work is scoped to
/// the system and sees every salon. Only the process itself may send it, never a web request.
/// </summary>
public interface ISystemRequest;
