using System.Collections.Concurrent;
using System.Net;

namespace AgentP.TestSupport;

/// <summary>
/// The YClients API's <c>GET /api/v1/record/{company}/{record}</c>: answers each record from its own script (a queue of
/// answers; the last one repeats), 404 for an unscripted record, and records every request with its headers.
/// </summary>
public sealed class FakeYclients : FakeHttpServer
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _records = new();

    public ConcurrentQueue<(string Company, string Record, string? Authorization, string? Accept)> Requests { get; } = new();

    /// <summary>A record YClients knows, with its attendance (1 came, −1 did not, 0 waiting, 2 confirmed).</summary>
    public static string Record(string id, int attendance, bool deleted = false, string service = "Стрижка") =>
        $$"""{"success":true,"data":{"id":{{id}},"attendance":{{attendance}},"deleted":{{(deleted ? "true" : "false")}},"datetime":"2026-11-20T12:00:00+03:00","services":[{"id":1,"title":"{{service}}","cost":2500}]},"meta":[]}""";

    public void Then(string record, int status, string body, TimeSpan delay = default, string? retryAfter = null) =>
        _records.GetOrAdd(record, _ => new()).Enqueue(new FakeAnswer(status, body, delay,
            retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter }));

    public int CountFor(string record) => Requests.Count(r => r.Record == record);

    protected override Task<FakeAnswer> AnswerAsync(HttpListenerRequest request)
    {
        var parts = request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries); // api v1 record {company} {record}
        var (company, record) = parts.Length == 5 ? (parts[3], parts[4]) : ("", "");
        Requests.Enqueue((company, record, request.Headers["Authorization"], request.Headers["Accept"]));
        if (!_records.TryGetValue(record, out var script) || script.IsEmpty)
            return Task.FromResult(new FakeAnswer(404, """{"success":false,"data":null,"meta":{"message":"Запись не найдена"}}"""));
        // The last answer stays: a record answers the same until the test says otherwise.
        return Task.FromResult(script.Count > 1 && script.TryDequeue(out var first) ? first
            : script.TryPeek(out var last) ? last : throw new InvalidOperationException($"No answer for record {record}."));
    }
}
