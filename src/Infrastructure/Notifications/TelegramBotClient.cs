using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentP.Application.Notifications;
using AgentP.Infrastructure.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentP.Infrastructure.Notifications;

/// <summary>
/// <c>sendMessage</c> of the Bot API over real HTTP, retried as <see cref="RemoteApi"/> says (429's <c>retry_after</c>
/// honoured); anything else fails at once.
/// The token is part of the URL, so the URL is never logged (the HTTP client's own logging is removed at registration).
/// </summary>
public sealed class TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options, ILogger<TelegramBotClient> logger) : ITelegram
{
    public async Task<TelegramResult> SendMessageAsync(string botToken, string chatId, string html, CancellationToken cancellationToken)
    {
        var url = $"{options.Value.ApiBaseUrl.TrimEnd('/')}/bot{Uri.EscapeDataString(botToken)}/sendMessage";
        var body = new { chat_id = chatId, text = html, parse_mode = "HTML", disable_web_page_preview = true };
        string error;
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
            var answer = await ReadAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && answer?.Ok == true) return new TelegramResult(true, null);
            error = $"Telegram ответил {(int)response.StatusCode}: {answer?.Description ?? response.ReasonPhrase}.";
        }
        catch (Exception e) when (RemoteApi.Describe("Telegram", e, cancellationToken) is { } failure)
        {
            error = failure;
        }
        logger.LogWarning("Telegram sendMessage failed: {Error}", error);
        return new TelegramResult(false, error);
    }

    /// <summary>The wait a 429 asks for: Telegram says it in the body (<c>parameters.retry_after</c>, seconds), not in a header.</summary>
    public static async ValueTask<TimeSpan?> RetryAfterInBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadAsync(response, cancellationToken))?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

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
