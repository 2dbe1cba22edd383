using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace AgentP.TestSupport;

/// <summary>The Telegram Bot API: records every sendMessage and answers from a script (ok by default).</summary>
public sealed class FakeTelegram : FakeHttpServer
{
    private readonly ConcurrentQueue<(int Status, string Body, TimeSpan Delay)> _script = new();

    public ConcurrentQueue<(string Token, JsonElement Body)> Requests { get; } = new();

    public static Task<FakeTelegram> StartAsync() => Task.FromResult(new FakeTelegram());

    public void Then(int status, string body, TimeSpan delay = default) => _script.Enqueue((status, body, delay));

    protected override async Task<(int, string, TimeSpan, IReadOnlyDictionary<string, string>?)> AnswerAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath; // /bot{token}/sendMessage
        var token = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]["bot".Length..]);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.InputStream);
        Requests.Enqueue((token, body));
        var (status, answer, delay) = _script.TryDequeue(out var next) ? next : (200, """{"ok":true,"result":{}}""", TimeSpan.Zero);
        return (status, answer, delay, null);
    }
}
