using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentP.Application.Bookings;
using AgentP.Infrastructure.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentP.Infrastructure.Bookings;

/// <summary>
/// <c>GET /api/v1/record/{company_id}/{record_id}</c> of the YClients API over real HTTP, retried as <see cref="RemoteApi"/>
/// says (<c>Retry-After</c> honoured up to <see cref="YclientsOptions.MaxDelay"/>); 404 is an answer (the record is
/// gone), any other refusal fails at once. Tokens travel
/// in the Authorization header only and never reach a log or an error message.
/// </summary>
public sealed class YclientsClient(HttpClient http, IOptions<YclientsOptions> options, ILogger<YclientsClient> logger) : IYclients
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PartnerToken);

    public async Task<YclientsRecord> GetRecordAsync(string companyId, string userToken, string recordId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/api/v1/record/{Uri.EscapeDataString(companyId)}/{Uri.EscapeDataString(recordId)}";
        string error;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.TryAddWithoutValidation("Authorization", $"Bearer {o.PartnerToken}, User {userToken}");
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.yclients.v2+json"));
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return new YclientsRecord(YclientsOutcome.NotFound, Raw: JsonOrNull(body));
            if (response.IsSuccessStatusCode && Parse(body) is { } found) return found;
            error = response.IsSuccessStatusCode
                ? "YClients прислал ответ, который не удалось прочитать."
                : $"YClients ответил {(int)response.StatusCode} ({response.ReasonPhrase}).";
        }
        catch (Exception e) when (RemoteApi.Describe("YClients", e, cancellationToken) is { } failure)
        {
            error = failure;
        }
        logger.LogWarning("YClients record {Record} failed: {Error}", recordId, error);
        return new YclientsRecord(YclientsOutcome.Failed, Error: error);
    }

    /// <summary>The answer's <c>data</c>: <c>attendance</c>, <c>deleted</c> and the first service's title; null when it is not such an answer.</summary>
    private static YclientsRecord? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False) return null;
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return null;

            int? attendance = data.TryGetProperty("attendance", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var n) ? n : null;
            var deleted = data.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;
            string? service = null;
            if (data.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
                foreach (var s in services.EnumerateArray())
                    if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                    {
                        service = title.GetString();
                        break;
                    }
            return new YclientsRecord(YclientsOutcome.Found, attendance, deleted, service, body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? JsonOrNull(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return body;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
