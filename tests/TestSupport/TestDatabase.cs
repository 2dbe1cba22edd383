using Npgsql;

namespace AgentP.TestSupport;

/// <summary>
/// A database of its own for one test class, cloned from the migrated template. On dispose it proves the
/// dashboard left <c>public</c> untouched (the checksum taken after the test's own seeding must still hold)
/// and drops the database.
/// </summary>
public sealed class TestDatabase(PostgresServer server, string name) : IAsyncDisposable
{
    private string? _publicChecksum;

    public string Name => name;
    public PostgresServer Server => server;
    public string OwnerConnectionString => server.OwnerConnectionString(name);
    public string AppConnectionString => server.AppConnectionString(name);

    /// <summary>Writes the bot's rows the way the bot does: as the owner, never through the app.</summary>
    public BotData Bot => new(this);

    public async Task<T> ScalarAsync<T>(string sql, bool asOwner = true)
    {
        await using var connection = new NpgsqlConnection(asOwner ? OwnerConnectionString : AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, bool asOwner = true, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(asOwner ? OwnerConnectionString : AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Fills <c>public</c> with build/sql/demo-data.sql as build/run.sh does (as the owner, through psql); the variables
    /// (salons, days, clients_per_salon, sessions_per_day, min_turns, max_turns, now) override its defaults.
    /// </summary>
    public Task LoadDemoDataAsync(IReadOnlyDictionary<string, string>? variables = null) =>
        server.PsqlAsync(name, PostgresServer.SqlScript("demo-data.sql"), variables);

    /// <summary>An md5 over every row of every bot table, in primary-key order: equal means byte-identical.</summary>
    public Task<string> PublicChecksumAsync() => ScalarAsync<string>("""
        SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
          SELECT 'tenants_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.tenants_v2 x), '') AS t
          UNION ALL SELECT 'clients_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.clients_v2 x), '')
          UNION ALL SELECT 'conversation_sessions_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.conversation_sessions_v2 x), '')
          UNION ALL SELECT 'recent_history_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.recent_history_v2 x), '')
          UNION ALL SELECT 'wishlist_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.wishlist_v2 x), '')
          UNION ALL SELECT 'user_ltm_v2:' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x.id) FROM public.user_ltm_v2 x), '')
        ) s
        """);

    /// <summary>Remembers the state of <c>public</c> once the test has seeded it; dispose checks it again.</summary>
    public async Task SealPublicAsync() => _publicChecksum = await PublicChecksumAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_publicChecksum is not null && await PublicChecksumAsync() != _publicChecksum)
                throw new InvalidOperationException($"The public schema of {name} changed during the tests: the dashboard must never write to it.");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
