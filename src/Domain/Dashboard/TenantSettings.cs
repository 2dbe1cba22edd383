using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A salon's dashboard settings (<c>dashboard.tenant_settings</c>); a salon without a row uses the defaults.</summary>
public sealed class TenantSettings : ITenantOwned
{
    public const decimal DefaultLowConversionPercent = 15m;
    public const decimal DefaultHighDropOffPercent = 50m;
    public const decimal DefaultErrorSpikePercent = 20m;
    public const int DefaultMinDialogs = 5;

    public Guid TenantId { get; set; }
    /// <summary>IANA zone id; null means <c>Dashboard:DefaultTimeZone</c>.</summary>
    public string? TimeZone { get; set; }
    public decimal LowConversionPercent { get; set; } = DefaultLowConversionPercent;
    public decimal HighDropOffPercent { get; set; } = DefaultHighDropOffPercent;
    public decimal ErrorSpikePercent { get; set; } = DefaultErrorSpikePercent;
    public int MinDialogs { get; set; } = DefaultMinDialogs;
    public bool DigestEnabled { get; set; } = true;
    public string? NotificationChatId { get; set; }
    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
