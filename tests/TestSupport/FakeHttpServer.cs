using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentP.TestSupport;

/// <summary>What a fake answers: a status and JSON body, extra headers, and a delay before the headers or, with
/// <paramref name="StallBody"/>, in the middle of the body.</summary>
public sealed record FakeAnswer(int Status, string Body, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null, bool StallBody = false);

/// <summary>
/// A local stand-in for a remote HTTP API on a real port, so clients' HTTP, retries and timeouts are exercised for real.
/// An HttpListener rather than a second ASP.NET host: WebApplicationFactory watches host construction process-wide
/// and must not see another host.
/// </summary>
public abstract class FakeHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    protected CancellationTokenSource Stop { get; } = new();

    public string BaseUrl { get; }

    protected FakeHttpServer()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Reads the request and answers it.</summary>
    protected abstract Task<FakeAnswer> AnswerAsync(HttpListenerRequest request);

    private async Task LoopAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(Stop.Token);
            }
            catch (Exception) when (Stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            var answer = await AnswerAsync(context.Request);
            if (answer.Delay > TimeSpan.Zero && !answer.StallBody) await Task.Delay(answer.Delay, Stop.Token);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            var body = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = body.Length;
            if (answer.StallBody)
            {
                // The headers and the first byte go out at once, the rest only after the delay.
                await context.Response.OutputStream.WriteAsync(body.AsMemory(0, 1));
                await context.Response.OutputStream.FlushAsync();
                await Task.Delay(answer.Delay, Stop.Token);
                body = body[1..];
            }
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { /* the client gave up first */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (OperationCanceledException) { }
        GC.SuppressFinalize(this);
    }
}
