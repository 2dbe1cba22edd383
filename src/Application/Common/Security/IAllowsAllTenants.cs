namespace AgentP.Application.Common.Security;

/// <summary>A tenant-scoped request a super_admin may also send for all salons at once.</summary>
public interface IAllowsAllTenants : ITenantScoped;
