using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace AgentP.TestSupport;

/// <summary>The Telegram Bot API: records every sendMessage and answers from a script (ok by default).</summary>
public sealed class FakeTelegram : FakeHttpServer
{
    private readonly ConcurrentQueue<FakeAnswer> _script = new();

    public ConcurrentQueue<(string Token, JsonElement Body)> Requests { get; } = new();

    public static Task<FakeTelegram> StartAsync() => Task.FromResult(new FakeTelegram());

    public void Then(int status, string body, TimeSpan delay = default, bool stallBody = false) =>
        _script.Enqueue(new FakeAnswer(status, body, delay, StallBody: stallBody));

    protected override async Task<FakeAnswer> AnswerAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath; // /bot{token}/sendMessage
        var token = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]["bot".Length..]);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.InputStream);
        Requests.Enqueue((token, body));
        return _script.TryDequeue(out var next) ? next : new FakeAnswer(200, """{"ok":true,"result":{}}""");
    }
}
