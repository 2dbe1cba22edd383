using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgentP.Infrastructure;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.TestSupport;

/// <summary>
/// One PostgreSQL for the whole test run (docs/architecture.md §10): a throwaway cluster started from the machine's
/// binaries, or the server in <c>AGENTP_TEST_DATABASE_URL</c> (an owner/superuser URL). It holds a template
/// database with the bot's schema, the app role and our migrations; every test class clones it.
/// </summary>
public sealed class PostgresServer
{
    public const string AppRole = "agentp_app_test";
    public const string AppPassword = "app-test-password";
    public const string TemplateDatabase = "agentp_template";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);

    private readonly NpgsqlConnectionStringBuilder _owner;
    private readonly Func<string, string[], string, Task> _psql;

    private PostgresServer(NpgsqlConnectionStringBuilder owner, Func<string, string[], string, Task> psql)
    {
        _owner = owner;
        _psql = psql;
    }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary><c>AGENTP_TEST_PUBLIC_RLS=1</c>: the template gets build/sql/public-rls.sql, as an owner who opted in.</summary>
    public static bool PublicRowLevelSecurity => Environment.GetEnvironmentVariable("AGENTP_TEST_PUBLIC_RLS") == "1";

    public static string RepositoryRoot { get; } = FindRoot();

    public string OwnerConnectionString(string database) => new NpgsqlConnectionStringBuilder(_owner.ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    public string AppConnectionString(string database) => new NpgsqlConnectionStringBuilder(_owner.ConnectionString)
    {
        Database = database, Username = AppRole, Password = AppPassword, Timeout = 5,
    }.ConnectionString;

    /// <summary>A fresh database cloned from the migrated template.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string prefix)
    {
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}_{Guid.NewGuid():N}";
        // CREATE DATABASE … TEMPLATE needs the template without other sessions: clone one at a time.
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}");
        }
        finally
        {
            CloneLock.Release();
        }
        return new TestDatabase(this, name);
    }

    /// <summary>Runs an SQL script through psql as the owner (as build/run.sh does), with psql variables (<c>-v name=value</c>).</summary>
    public Task PsqlAsync(string database, string script, IReadOnlyDictionary<string, string>? variables = null) =>
        _psql(database, ["-v", "ON_ERROR_STOP=1", .. (variables ?? new Dictionary<string, string>()).SelectMany(v => new[] { "-v", $"{v.Key}={v.Value}" }), "-f", "-"],
            script);

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        PostgresServer server;
        if (Environment.GetEnvironmentVariable("AGENTP_TEST_DATABASE_URL") is { Length: > 0 } url)
        {
            var owner = new NpgsqlConnectionStringBuilder(DatabaseConnection.FromUrl(url));
            server = new PostgresServer(owner, (db, args, stdin) => Run("psql", [new UriBuilder(url) { Path = "/" + db }.Uri.ToString(), .. args], stdin));
        }
        else
        {
            server = await StartThrowawayClusterAsync();
        }
        await server.CreateTemplateAsync();
        return server;
    }

    private static async Task<PostgresServer> StartThrowawayClusterAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql; install postgresql or set AGENTP_TEST_DATABASE_URL.");
        var dir = Path.Combine(Path.GetTempPath(), $"agentp-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await Run("chown", ["postgres:", dir]);
        var port = FreePort();

        await RunAsOwner(asRoot, Path.Combine(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await RunAsOwner(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", dir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "30", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsOwner(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "stop"]).GetAwaiter().GetResult();
                Directory.Delete(dir, recursive: true);
            }
            catch
            {
                // Best effort: the cluster lives in a temp directory either way.
            }
        };

        var owner = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" };
        var psql = Path.Combine(bin, "psql");
        return new PostgresServer(owner, (db, args, stdin) => RunAsOwner(asRoot, psql, ["-X", "-q", "-h", dir, "-p", port.ToString(), "-U", "postgres", "-d", db, .. args], stdin));
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {TemplateDatabase}");
        await ExecuteAsync("postgres", $"CREATE DATABASE {TemplateDatabase}");
        // The same scripts run.sh and a real deployment use, through psql as the owner.
        // Scripts go in on stdin: the postgres user may not be able to read the checkout.
        await _psql(TemplateDatabase, ["-v", "ON_ERROR_STOP=1", "-f", "-"], SqlScript("public-schema.sql"));
        await _psql(TemplateDatabase, ["-v", "ON_ERROR_STOP=1", "-v", $"app_role={AppRole}", "-v", $"app_password={AppPassword}", "-f", "-"],
            SqlScript("app-role.sql"));

        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        options.UseDashboardDatabase(AppConnectionString(TemplateDatabase));
        await using (var db = new DashboardDbContext(options.Options))
            await db.Database.MigrateAsync();
        // The bot owner's opt-in row-level security on public (build/sql/public-rls.sql), for a run of the suite under it.
        if (PublicRowLevelSecurity)
            await _psql(TemplateDatabase, ["-v", "ON_ERROR_STOP=1", "-v", $"app_role={AppRole}", "-f", "-"], SqlScript("public-rls.sql"));
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Runs one of build/sql's scripts through psql as the owner, the way build/run.sh does (the demo data, for instance).</summary>
    public Task RunScriptAsync(string database, string name, params (string Name, string Value)[] variables) =>
        _psql(database, ["-v", "ON_ERROR_STOP=1", .. variables.SelectMany(v => new[] { "-v", $"{v.Name}={v.Value}" }), "-f", "-"], SqlScript(name));

    public static string SqlScript(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "build", "sql", name));

    private static Task RunAsOwner(bool asRoot, string file, string[] args, string? stdin = null) =>
        asRoot ? Run("runuser", ["-u", "postgres", "--", file, .. args], stdin) : Run(file, args, stdin);

    private static async Task Run(string file, string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, WorkingDirectory = "/",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgentP.sln"))) return dir.FullName;
        throw new InvalidOperationException("AgentP.sln not found above the test binaries.");
    }
}
