using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
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

    // Descriptions are stored text, read by people on the audit page: they name things in words, not codes.
    public static string Words(AlertKind kind) => kind switch
    {
        AlertKind.LowConversion => "низкая конверсия",
        AlertKind.HighDropOff => "много брошенных",
        _ => "всплеск эскалаций",
    };

    public static string Words(Role role) => role switch
    {
        Role.SuperAdmin => "владелец платформы",
        Role.Admin => "администратор салона",
        _ => "сотрудник",
    };

    public static string Words(WishlistDecision decision) => decision switch
    {
        WishlistDecision.Converted => "записан",
        WishlistDecision.Contacted => "связались",
        _ => "отменено",
    };
}
