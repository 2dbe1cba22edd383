using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Common;

public static class Audit
{
    private const int MaxUserAgent = 512;

    /// <summary>An audit row stamped with the caller's ip and user agent; add it before the command's one save.</summary>
    public static AuditEntry Entry(ICurrentUser caller, DateTimeOffset now, string action, string description,
        long? userId, Guid? tenantId, Dictionary<string, string?>? metadata = null) => new()
    {
        UserId = userId,
        TenantId = tenantId,
        Action = action,
        Description = description,
        Metadata = metadata ?? [],
        IpAddress = caller.IpAddress,
        UserAgent = caller.UserAgent is { Length: > MaxUserAgent } ua ? ua[..MaxUserAgent] : caller.UserAgent,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
