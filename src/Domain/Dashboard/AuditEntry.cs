namespace AgentP.Domain.Dashboard;

/// <summary>Who did what, from where (<c>dashboard.audits</c>). Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long? UserId { get; set; }
    /// <summary>Null for platform-level actions (a super_admin's sign-in).</summary>
    public Guid? TenantId { get; set; }
    public string Action { get; set; } = "";
    public string Description { get; set; } = "";
    public Dictionary<string, string?> Metadata { get; set; } = [];
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
