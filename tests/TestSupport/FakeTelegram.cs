using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentP.TestSupport;

/// <summary>
/// A local stand-in for the Telegram Bot API on a real port: records every sendMessage and answers from a script
/// (ok by default), so the client's HTTP, retries and timeouts are exercised for real. An HttpListener rather than a
/// second ASP.NET host: WebApplicationFactory watches host construction process-wide and must not see another host.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body, TimeSpan Delay)> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ConcurrentQueue<(string Token, JsonElement Body)> Requests { get; } = new();
    public string BaseUrl { get; }

    private FakeTelegram(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public static Task<FakeTelegram> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return Task.FromResult(new FakeTelegram(port));
    }

    public void Then(int status, string body, TimeSpan delay = default) => _script.Enqueue((status, body, delay));

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath; // /bot{token}/sendMessage
            var token = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]["bot".Length..]);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
            Requests.Enqueue((token, body));
            var (status, answer, delay) = _script.TryDequeue(out var next) ? next : (200, """{"ok":true,"result":{}}""", TimeSpan.Zero);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _stop.Token);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { /* the client gave up first */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (OperationCanceledException) { }
    }
}
