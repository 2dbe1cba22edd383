using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A threshold crossed on one salon-day (<c>dashboard.alerts</c>); at most one per tenant, kind and day.</summary>
public sealed class Alert : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public AlertKind Kind { get; set; }
    public DateOnly Day { get; set; }
    public decimal? Threshold { get; set; }
    public decimal? Actual { get; set; }
    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;
    public string? Description { get; set; }
    public DateTimeOffset TriggeredAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public long? AcknowledgedBy { get; set; }
    public DateTimeOffset? NotificationSentAt { get; set; }
    /// <summary>A run took this alert to send it (and has not finished): no other run sends it meanwhile.</summary>
    public DateTimeOffset? NotificationClaimedAt { get; set; }
    /// <summary>Why a notification was not sent (no token, no chat, Telegram refused), shown on the alert.</summary>
    public string? NotificationNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
