using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AgentP.Infrastructure.Data;

/// <summary>Where the database is: <c>ConnectionStrings:Dashboard</c>, or <c>DATABASE_URL</c> as Supabase shows it.</summary>
public static class DatabaseConnection
{
    public const string Name = "Dashboard";
    public const string PublicReadName = "PublicRead";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(Name);
        if (!string.IsNullOrWhiteSpace(configured)) return WithDefaults(configured);
        var url = configuration["DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url)) return WithDefaults(FromUrl(url));
        throw new InvalidOperationException(
            "No database configured: set ConnectionStrings__Dashboard (an Npgsql connection string) or DATABASE_URL (postgresql://user:password@host:5432/db).");
    }

    /// <summary>
    /// Publishes a <c>DATABASE_URL</c> as <c>ConnectionStrings:Dashboard</c> (with the defaults applied), so every
    /// consumer — EF, the scheduler — finds the database under one name.
    /// </summary>
    public static void Normalize(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(Name)) && configuration["DATABASE_URL"] is { Length: > 0 })
            configuration[$"ConnectionStrings:{Name}"] = Resolve(configuration);
    }

    /// <summary>A replica for the bot's tables when configured (<c>ConnectionStrings:PublicRead</c>), else the main database.</summary>
    public static string ResolvePublicRead(IConfiguration configuration) =>
        configuration.GetConnectionString(PublicReadName) is { Length: > 0 } replica ? WithDefaults(replica) : Resolve(configuration);

    /// <summary>
    /// The same database for pages and exports: every statement is stopped by the server after <paramref name="seconds"/>
    /// (<c>statement_timeout</c>, sent once when a connection opens; 0 leaves the server's default). A different string
    /// makes it a pool of its own, so jobs, whose connections keep no such limit, never get one of these.
    /// </summary>
    public static string ForPages(string connectionString, int seconds)
    {
        if (seconds <= 0) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c statement_timeout={seconds * 1000}".Trim();
        // Npgsql's own timeout is the backstop should the server not answer at all; it must not fire first.
        builder.CommandTimeout = Math.Max(builder.CommandTimeout, seconds + 5);
        return builder.ConnectionString;
    }

    /// <summary>Turns <c>postgres(ql)://user:password@host:port/db?sslmode=require</c> into an Npgsql connection string.</summary>
    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new InvalidOperationException("DATABASE_URL must look like postgresql://user:password@host:5432/database.");
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<SslMode>(kv[1].Replace("-", ""), ignoreCase: true, out var mode))
                builder.SslMode = mode;
        }
        return builder.ConnectionString;
    }

    // A page must fail fast when the database is away rather than hang for Npgsql's default 15 s.
    private static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.Timeout = 5;
        // A page is several short queries, each renting a pooled connection; by default every rent sends DISCARD ALL
        // first. The app keeps no session state on its connections (settings are SET LOCAL, no temp tables; the row-level
        // security scope is set on every open and cleared on every close, ScopeSettingInterceptor), so skip it.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
