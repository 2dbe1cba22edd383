namespace AgentP.Application.Notifications;

/// <summary>The Telegram Bot API, through each salon's own bot (Infrastructure: real HTTP with retries).</summary>
public interface ITelegram
{
    /// <summary>Sends an HTML message. Never throws for Telegram's or the network's failures: they come back in the result.</summary>
    Task<TelegramResult> SendMessageAsync(string botToken, string chatId, string html, CancellationToken cancellationToken);
}

/// <param name="Delivered">Telegram answered ok.</param>
/// <param name="Error">Why not, for the alert's visible note (never contains the token).</param>
public sealed record TelegramResult(bool Delivered, string? Error = null);
