using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>A salon's dashboard settings (<c>dashboard.tenant_settings</c>); a salon without a row uses the defaults.</summary>
public sealed class TenantSettings : ITenantOwned
{
    public const decimal DefaultLowConversionPercent = 15m;
    public const decimal DefaultHighDropOffPercent = 50m;
    public const decimal DefaultErrorSpikePercent = 20m;
    public const int DefaultMinDialogs = 5;
    /// <summary>Admin minutes one bot reply saves, until the salon sets its own (issue 24).</summary>
    public const decimal DefaultMinutesPerReply = 2m;

    public Guid TenantId { get; set; }
    /// <summary>IANA zone id; null means <c>Dashboard:DefaultTimeZone</c>.</summary>
    public string? TimeZone { get; set; }
    public decimal LowConversionPercent { get; set; } = DefaultLowConversionPercent;
    public decimal HighDropOffPercent { get; set; } = DefaultHighDropOffPercent;
    public decimal ErrorSpikePercent { get; set; } = DefaultErrorSpikePercent;
    public int MinDialogs { get; set; } = DefaultMinDialogs;
    public bool DigestEnabled { get; set; } = true;
    public string? NotificationChatId { get; set; }
    /// <summary>
    /// Opening hours, Monday first: seven entries "HH:MM-HH:MM" (open from the first time, closed from the second), "" for a
    /// day off. Null: every day from 10:00 to the bot's <c>closing_time_override</c>, or 21:00 (docs/architecture.md §5).
    /// </summary>
    public List<string>? OpeningHours { get; set; }
    /// <summary>Admin minutes one bot reply saves (the admin time saved).</summary>
    public decimal MinutesPerReply { get; set; } = DefaultMinutesPerReply;
    /// <summary>What the salon pays for the bot per month, RUB; null: not entered (no cost per booking).</summary>
    public decimal? MonthlyBotFee { get; set; }
    /// <summary>Answer a handed-over client within this many minutes (a Telegram message when a waiting case passes it); null: no target.</summary>
    public int? EscalationAnswerMinutes { get; set; }
    public long? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
