using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;

namespace AgentP.Web.Cli;

/// <summary>
/// The operator at the server's shell: a super_admin without a user row (that is how the first super_admin
/// gets created). Audit entries show it as ip "cli".
/// </summary>
public sealed class CommandLineUser : ICurrentUser
{
    public bool IsAuthenticated => true;
    public bool IsSystem => true;
    public long? UserId => null;
    public Role? Role => Domain.Common.Role.SuperAdmin;
    public Guid? TenantId => null;
    public Guid? SelectedTenantId => null;
    public string? IpAddress => "cli";
    public string? UserAgent => $"agentp-cli ({Environment.UserName}@{Environment.MachineName})";
}
