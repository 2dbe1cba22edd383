using AgentP.Domain.Common;

namespace AgentP.Application.Common.Interfaces;

/// <summary>Who is asking, and from where (for the audit log).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    /// <summary>The process itself (a scheduled job, the operator at the shell), not a web request.</summary>
    bool IsSystem { get; }
    long? UserId { get; }
    Role? Role { get; }
    /// <summary>The user's own salon; null for a super_admin.</summary>
    Guid? TenantId { get; }
    /// <summary>The salon a super_admin picked in the tenant switcher; null means "all salons".</summary>
    Guid? SelectedTenantId { get; }
    string? IpAddress { get; }
    string? UserAgent { get; }
}
