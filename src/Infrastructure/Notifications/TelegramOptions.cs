namespace AgentP.Infrastructure.Notifications;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
    public int MaxAttempts { get; set; } = 4;
    /// <summary>The longest wait between attempts (Telegram's retry_after is honoured up to this).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
