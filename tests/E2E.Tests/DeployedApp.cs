using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgentP.TestSupport;

namespace AgentP.E2E.Tests;

/// <summary>
/// The dashboard as build/run.sh serves it when opened to the network: the built app as its own process, its project
/// folder as content root, ASPNETCORE_ENVIRONMENT=Production, on a test database. Browser tests that judge what a person
/// sees run against this, not the in-memory host: the test host turns on what Production does not (static web assets).
/// </summary>
public sealed class DeployedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    public string BaseUrl { get; }

    private DeployedApp(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync())
            .ContinueWith(t => string.Join('\n', t.Result));
    }

    public static async Task<DeployedApp> StartAsync(TestDatabase db, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(PostgresServer.RepositoryRoot, "src", "Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentP.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Dashboard"] = db.AppConnectionString;
        start.Environment["DATABASE_URL"] = "";
        start.Environment["Dashboard__MigrateOnStart"] = "false"; // the template database is migrated already
        start.Environment["Dashboard__RunJobs"] = "false"; // the fixture runs what it needs through the command line
        start.Environment["Dashboard__SignInsPerMinute"] = "100000"; // a walk signs in once per width and role
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var app = new DeployedApp(Process.Start(start)!, $"http://127.0.0.1:{port}");

        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (app._process.HasExited) break;
            try
            {
                if ((await http.GetAsync(app.BaseUrl + "/health/live")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        await app.DisposeAsync();
        throw new InvalidOperationException("The deployed app did not start:\n" + await app._output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
