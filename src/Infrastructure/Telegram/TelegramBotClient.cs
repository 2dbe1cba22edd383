using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentP.Application.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentP.Infrastructure.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
    public int MaxAttempts { get; set; } = 4;
    /// <summary>The longest wait between attempts (Telegram's retry_after is honoured up to this).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// <c>sendMessage</c> of the Bot API over real HTTP. Network errors, 5xx and 429 are retried with exponential
/// back-off (429's <c>retry_after</c> honoured), within a bounded number of attempts; anything else fails at once.
/// The token is part of the URL, so the URL is never logged (the HTTP client's own logging is removed at registration).
/// </summary>
public sealed class TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options, ILogger<TelegramBotClient> logger) : ITelegram
{
    public async Task<TelegramResult> SendMessageAsync(string botToken, string chatId, string html, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/bot{Uri.EscapeDataString(botToken)}/sendMessage";
        var body = new { chat_id = chatId, text = html, parse_mode = "HTML", disable_web_page_preview = true };
        var delay = TimeSpan.FromMilliseconds(500);
        string error = "Telegram не ответил.";
        for (var attempt = 1; attempt <= o.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(o.Timeout);
                using var response = await http.PostAsJsonAsync(url, body, timeout.Token);
                var answer = await ReadAsync(response, timeout.Token);
                if (response.IsSuccessStatusCode && answer?.Ok == true) return new TelegramResult(true);

                error = $"Telegram ответил {(int)response.StatusCode}: {answer?.Description ?? response.ReasonPhrase}.";
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (!retryable) return new TelegramResult(false, error);
                if (answer?.Parameters?.RetryAfter is { } seconds) retryAfter = TimeSpan.FromSeconds(seconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e is TaskCanceledException ? "Telegram не ответил вовремя." : "Нет связи с Telegram.";
            }
            logger.LogWarning("Telegram sendMessage attempt {Attempt} of {Max} failed: {Error}", attempt, o.MaxAttempts, error);
            if (attempt == o.MaxAttempts) break;
            var wait = retryAfter ?? delay;
            // Real time on purpose: this waits for a remote server, not for the business clock.
            await Task.Delay(wait < o.MaxDelay ? wait : o.MaxDelay, cancellationToken);
            delay *= 2;
        }
        return new TelegramResult(false, error);
    }

    private static async Task<Answer?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Answer(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("parameters")] AnswerParameters? Parameters);

    private sealed record AnswerParameters([property: JsonPropertyName("retry_after")] int? RetryAfter);
}
