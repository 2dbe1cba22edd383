using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgentP.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace AgentP.Integration.Tests;

/// <summary>
/// SIGTERM (a rolling update, a crash loop) ends the process within 10 s: the dashboard runs as its own process with the
/// scheduler on, as in production, and is stopped the way an orchestrator stops it. The exit code is 0: SIGTERM asks for
/// a graceful stop and the host completes one (143 would mean the signal killed the process).
/// </summary>
public sealed class GracefulStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(10);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(nameof(GracefulStopTests));

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Sigterm_3_s_after_start_then_the_database_goes_away_exits_within_10_s()
    {
        await _db.SealPublicAsync();
        await using var database = Relay();
        var relayed = new NpgsqlConnectionStringBuilder(_db.AppConnectionString) { Port = database.Port }.ConnectionString;
        await using var app = AppProcess.Start(relayed, []);
        await app.WaitUntilServingAsync();
        await app.WaitUntilAsync(TimeSpan.FromSeconds(3));
        // The scheduler has started and reserved the run due 30 s after start: its shutdown has a trigger to hand back.
        Assert.True(await WaitForAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM dashboard.qrtz_triggers WHERE trigger_state = 'ACQUIRED'") > 0,
            TimeSpan.FromSeconds(30)), "the scheduler reserved a trigger");

        app.Terminate();
        database.Cut(); // PostgreSQL went away right after the signal: no connection, new ones refused
        var stopped = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"SIGTERM at {app.SignalledAt.TotalSeconds:F1} s after start; exited {Describe(stopped)} later, code {app.ExitCode}");
        Report(app, stopped);
        Assert.True(stopped is { } took && took <= Allowed, $"stopped within {Allowed.TotalSeconds} s, took {Describe(stopped)}");
        Assert.Equal(0, app.ExitCode);
    }

    [Fact]
    public async Task Sigterm_while_starting_exits_within_10_s_and_cleanly()
    {
        await _db.SealPublicAsync();
        await using var app = AppProcess.Start(_db.AppConnectionString, []);
        await app.WaitUntilAsync(TimeSpan.FromSeconds(1)); // still reading its keys, building the scheduler, binding the port

        app.Terminate();
        var stopped = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"SIGTERM at {app.SignalledAt.TotalSeconds:F1} s after start; exited {Describe(stopped)} later, code {app.ExitCode}");
        Report(app, stopped);
        Assert.True(stopped is { } took && took <= Allowed, $"stopped within {Allowed.TotalSeconds} s, took {Describe(stopped)}");
        Assert.Equal(0, app.ExitCode); // a stop as asked, not an unhandled exception (134)
    }

    [Fact]
    public async Task Sigterm_during_a_long_metrics_run_exits_within_10_s_and_leaves_whole_chunks_only()
    {
        // A salon with a dialog on each of the last 81 closed days: the run after start collects them as three chunks.
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Moscow).DateTime).AddDays(-1);
        var first = yesterday.AddDays(-80);
        var salon = await _db.Bot.TenantAsync("Салон «Остановка»");
        var client = await _db.Bot.ClientAsync(salon);
        for (var day = first; day <= yesterday; day = day.AddDays(1))
            await _db.Bot.SessionAsync(salon, client, new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)); // noon in Moscow
        await _db.SealPublicAsync();

        // Yesterday is collected once beforehand, and its row is then held by another transaction: the chunk that holds
        // yesterday (the last one) waits on it for as long as the test wants, as a collection of many days takes its time.
        var (code, _, error) = await Cli.RunAsync(_db, ["collect-metrics", "--from", $"{yesterday:yyyy-MM-dd}", "--to", $"{yesterday:yyyy-MM-dd}", "--tenant", $"{salon}"]);
        Assert.True(code == 0, error);
        var before = await _db.ScalarAsync<DateTime>($"SELECT updated_at FROM dashboard.metrics_dailies WHERE tenant_id = '{salon}' AND day = '{yesterday:yyyy-MM-dd}'");
        await using var holder = new NpgsqlConnection(_db.OwnerConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM dashboard.metrics_dailies WHERE tenant_id = '{salon}' AND day = '{yesterday:yyyy-MM-dd}' FOR UPDATE", holder, held))
            await lockRow.ExecuteNonQueryAsync();

        await using var app = AppProcess.Start(_db.AppConnectionString, new()
        {
            ["Dashboard__StartupCollectionDelay"] = "00:00:01", // the run after start, now rather than in 30 s
        });
        await app.WaitUntilServingAsync();
        var waiting = await WaitForAsync(async () => await _db.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND usename = '{PostgresServer.AppRole}' AND wait_event_type = 'Lock' AND query LIKE '%metrics_dailies%'
            """) > 0, TimeSpan.FromSeconds(60));
        Assert.True(waiting, "the metrics run reached the held chunk");

        app.Terminate();
        var stopped = await app.WaitForExitAsync(TimeSpan.FromSeconds(40));
        await held.RollbackAsync();

        output.WriteLine($"SIGTERM at {app.SignalledAt.TotalSeconds:F1} s after start, during the metrics run; exited {Describe(stopped)} later, code {app.ExitCode}");
        Report(app, stopped);
        Assert.True(stopped is { } took && took <= Allowed, $"stopped within {Allowed.TotalSeconds} s, took {Describe(stopped)}");
        Assert.Equal(0, app.ExitCode);

        // Chunk by chunk (31 days from the first dialog on): every day collected or none. The held chunk was cancelled and
        // rolled back, yesterday's row is as it was.
        var collected = (await _db.ScalarAsync<string>($"""
            SELECT coalesce(string_agg(to_char(day, 'YYYY-MM-DD'), ' ' ORDER BY day), '') FROM dashboard.metrics_dailies
            WHERE tenant_id = '{salon}' AND day <> '{yesterday:yyyy-MM-dd}'
            """)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        for (var from = first; from <= yesterday; from = from.AddDays(31))
        {
            var to = from.AddDays(30) < yesterday ? from.AddDays(30) : yesterday;
            var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => d != yesterday).ToList();
            var written = days.Count(collected.Contains);
            output.WriteLine($"chunk {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {written} of {days.Count} days");
            Assert.True(written == 0 || written == days.Count, $"chunk {from}..{to} is whole or absent ({written} of {days.Count} days)");
            if (to == yesterday) Assert.Equal(0, written);
        }
        Assert.Equal(before, await _db.ScalarAsync<DateTime>($"SELECT updated_at FROM dashboard.metrics_dailies WHERE tenant_id = '{salon}' AND day = '{yesterday:yyyy-MM-dd}'"));
    }

    private TcpProxy Relay()
    {
        var direct = new NpgsqlConnectionStringBuilder(_db.AppConnectionString);
        var relay = new TcpProxy(direct.Host!, direct.Port);
        relay.Start();
        return relay;
    }

    private void Report(AppProcess app, TimeSpan? stopped)
    {
        if (stopped is { } took && took <= Allowed && app.ExitCode == 0) return;
        output.WriteLine("Last lines of the app's log:");
        foreach (var line in app.Log.TakeLast(60)) output.WriteLine(line);
    }

    private static string Describe(TimeSpan? stopped) => stopped is { } took ? $"{took.TotalSeconds:F1} s" : "not at all (killed)";

    private static async Task<bool> WaitForAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < limit)
        {
            if (await done()) return true;
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>The dashboard as production runs it: its own process, the scheduler on, stopped by a signal.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Stopwatch _sinceStart;
        private Stopwatch? _sinceSignal;

        private AppProcess(Process process, int port)
        {
            _process = process;
            _sinceStart = Stopwatch.StartNew();
            Address = new Uri($"http://127.0.0.1:{port}");
        }

        public Uri Address { get; }
        public ConcurrentQueue<string> Log { get; } = new();
        public TimeSpan SignalledAt { get; private set; }
        public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

        public static AppProcess Start(string connectionString, Dictionary<string, string> environment)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentP.Web.dll"));
            start.Environment["ConnectionStrings__Dashboard"] = connectionString;
            start.Environment["DATABASE_URL"] = "";
            foreach (var (name, value) in TestCertificate.Environment()) start.Environment[name] = value;
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Dashboard__MigrateOnStart"] = "false"; // the template database is migrated already
            start.Environment["Dashboard__RunJobs"] = "true";
            foreach (var (name, value) in environment) start.Environment[name] = value;
            var app = new AppProcess(Process.Start(start)!, port);
            app._process.OutputDataReceived += (_, e) => { if (e.Data is not null) app.Log.Enqueue($"{app._sinceStart.Elapsed.TotalSeconds,6:F1} {e.Data}"); };
            app._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app.Log.Enqueue($"{app._sinceStart.Elapsed.TotalSeconds,6:F1} ! {e.Data}"); };
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitUntilServingAsync()
        {
            using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
            while (_sinceStart.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
            {
                try
                {
                    if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { /* not listening yet */ }
                catch (TaskCanceledException) { /* not answering yet */ }
                await Task.Delay(100);
            }
            throw new InvalidOperationException($"The app did not serve /health/live: {string.Join(Environment.NewLine, Log.TakeLast(30))}");
        }

        public Task WaitUntilAsync(TimeSpan sinceStart) =>
            _sinceStart.Elapsed < sinceStart ? Task.Delay(sinceStart - _sinceStart.Elapsed) : Task.CompletedTask;

        /// <summary>SIGTERM, as Kubernetes and Docker stop a container (.NET has no API for sending it to another process).</summary>
        public void Terminate()
        {
            SignalledAt = _sinceStart.Elapsed;
            _sinceSignal = Stopwatch.StartNew();
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            kill.WaitForExit();
        }

        /// <summary>How long after the signal the process exited, or null when it still ran after <paramref name="limit"/>.</summary>
        public async Task<TimeSpan?> WaitForExitAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                return _sinceSignal!.Elapsed;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
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

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
