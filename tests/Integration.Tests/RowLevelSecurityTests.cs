using AgentP.Application.Common.Interfaces;
using AgentP.Infrastructure.Data;
using AgentP.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentP.Integration.Tests;

/// <summary>
/// The database's line of isolation (docs/architecture.md §6): row-level security on every dashboard table with a
/// tenant_id, keyed by the scope the unit of work puts on each connection it opens. A query that forgets its salon
/// condition still sees only its scope's rows.
/// </summary>
public sealed class RowLevelSecurityTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    /// <summary>Runs raw SQL on a context's own connection, as the raw SQL ports do, in a unit of work scoped by <paramref name="scope"/>.</summary>
    private async Task<List<string>> QueryAsync(Action<ITenantContext>? scope, string sql)
    {
        await using var services = fixture.App.Services.CreateAsyncScope();
        if (scope is not null) scope(services.ServiceProvider.GetRequiredService<ITenantContext>());
        var db = services.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            do
                while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0))!);
            while (await reader.NextResultAsync());
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_raw_query_with_its_salon_condition_deleted_returns_only_the_scopes_rows()
    {
        var salons = await QueryAsync(t => t.ScopeTo(fixture.SalonA), "SELECT DISTINCT tenant_id::text FROM dashboard.users WHERE tenant_id IS NOT NULL");
        Assert.Equal([fixture.SalonA.ToString()], salons);
        // The rows of the other salons exist: the database hid them.
        Assert.True(await fixture.Db.ScalarAsync<long>("SELECT count(DISTINCT tenant_id) FROM dashboard.users") >= 3);
    }

    [Fact]
    public async Task The_system_and_all_salons_see_every_salon()
    {
        foreach (var scope in new Action<ITenantContext>[] { t => t.ScopeToSystem(), t => t.ScopeToAllTenants() })
            Assert.True((await QueryAsync(scope, "SELECT DISTINCT tenant_id::text FROM dashboard.users WHERE tenant_id IS NOT NULL")).Count >= 3);
    }

    [Fact]
    public async Task An_unscoped_unit_of_work_sees_no_row_of_any_tenant_table()
    {
        foreach (var table in await TenantTablesAsync())
        {
            Assert.Empty(await QueryAsync(null, $"SELECT tenant_id::text FROM dashboard.{table} LIMIT 1"));
            // A request that declares no scope (a sign-in) finds accounts, and no other salon data.
            if (table != "users") Assert.Empty(await QueryAsync(t => t.Unscope(), $"SELECT tenant_id::text FROM dashboard.{table} LIMIT 1"));
        }
    }

    [Fact]
    public async Task A_write_outside_the_scope_is_refused_by_the_database()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync(t => t.ScopeTo(fixture.SalonA), $"""
            INSERT INTO dashboard.tenant_settings (tenant_id, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
            VALUES ('{fixture.SalonB}', 15, 50, 20, 5, true, now()) ON CONFLICT (tenant_id) DO NOTHING RETURNING 1
            """));
        Assert.Equal("42501", error.SqlState); // new row violates row-level security policy
    }

    [Fact]
    public async Task A_pooled_connection_never_carries_one_units_scope_into_the_next()
    {
        // Salon A, then salon B, on the same physical connection (the pool hands the idle one back).
        var first = await QueryAsync(t => t.ScopeTo(fixture.SalonA),
            "SELECT pg_backend_pid() || ' ' || string_agg(DISTINCT tenant_id::text, ',') FROM dashboard.users WHERE tenant_id IS NOT NULL");
        var second = await QueryAsync(t => t.ScopeTo(fixture.SalonB),
            "SELECT pg_backend_pid() || ' ' || string_agg(DISTINCT tenant_id::text, ',') FROM dashboard.users WHERE tenant_id IS NOT NULL");
        var (pidA, seenA) = (first.Single().Split(' ')[0], first.Single().Split(' ')[1]);
        var (pidB, seenB) = (second.Single().Split(' ')[0], second.Single().Split(' ')[1]);
        Assert.Equal(pidA, pidB);
        Assert.Equal(fixture.SalonA.ToString(), seenA);
        Assert.Equal(fixture.SalonB.ToString(), seenB);

        // And a connection taken from the same pool by anyone else afterwards carries no scope at all.
        await using var plain = new NpgsqlConnection(DatabaseConnection.Resolve(fixture.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        await plain.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid() || ' ' || coalesce(current_setting('app.tenant_id', true), '')", plain);
        Assert.Equal($"{pidA} ", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Every_dashboard_table_with_a_tenant_id_forces_row_level_security_with_a_policy()
    {
        var unprotected = await QueryAsync(t => t.ScopeToSystem(), """
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'dashboard'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
            """);
        Assert.Empty(unprotected);
        Assert.False(await fixture.Db.ScalarAsync<bool>($"SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = '{PostgresServer.AppRole}'"));
    }

    [Fact]
    public async Task The_search_functions_answer_only_the_scopes_rows_whatever_the_query_around_them()
    {
        var (dialogA, clientA) = await SeedSearchRowsAsync();

        // No salon condition anywhere in the query: the functions apply the scope themselves.
        Assert.Equal([dialogA.ToString()], await QueryAsync(t => t.ScopeTo(fixture.SalonA), "SELECT session_id::text FROM dashboard.search_dialogs('%кератин-люкс%')"));
        Assert.Equal([clientA.ToString()], await QueryAsync(t => t.ScopeTo(fixture.SalonA), "SELECT client_id::text FROM dashboard.search_clients('%Кератинова%', NULL)"));
        Assert.Equal([clientA.ToString()], await QueryAsync(t => t.ScopeTo(fixture.SalonA), "SELECT client_id::text FROM dashboard.search_clients('%nothing%', '%0001122%')"));
        Assert.Equal(2, (await QueryAsync(t => t.ScopeToAllTenants(), "SELECT session_id::text FROM dashboard.search_dialogs('%кератин-люкс%')")).Count);
        Assert.Empty(await QueryAsync(null, "SELECT session_id::text FROM dashboard.search_dialogs('%кератин-люкс%')"));
        Assert.Empty(await QueryAsync(t => t.Unscope(), "SELECT client_id::text FROM dashboard.search_clients('%Кератинова%', '%0001122%')"));
    }

    [Fact]
    public async Task The_app_searches_through_the_trigram_indexes_but_never_with_the_search_roles_rights()
    {
        await SeedSearchRowsAsync();
        // Why the functions exist: under a policy, a plain ILIKE may not be an index condition (it is not leakproof), so
        // even with sequential scans priced out the app's own statement does not use the trigram index...
        const string plain = "EXPLAIN SELECT session_id FROM dashboard.dialog_facts WHERE summary ILIKE '%кератин%'";
        var direct = string.Join('\n', await QueryAsync(t => t.ScopeTo(fixture.SalonA), $"BEGIN; SET LOCAL enable_seqscan = off; {plain}; ROLLBACK"));
        Assert.DoesNotContain("Index Cond: (summary ~~*", direct);
        // ...while the search role's does: its own policy is USING (true), which leaves no barrier.
        var searcher = PostgresServer.AppRole + "_search";
        var inside = string.Join('\n', await QueryAsync(t => t.ScopeTo(fixture.SalonA),
            $"BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL ROLE {searcher}; {plain}; ROLLBACK"));
        Assert.Contains("Index Cond: (summary ~~*", inside);

        // The app is a member of that role (to make it the functions' owner) but does not inherit it: its own statements
        // stay under the scope policy alone, and the functions belong to the search role.
        Assert.False(await fixture.Db.ScalarAsync<bool>($"SELECT pg_has_role('{PostgresServer.AppRole}', '{searcher}', 'USAGE')"));
        Assert.Equal([fixture.SalonA.ToString()],
            await QueryAsync(t => t.ScopeTo(fixture.SalonA), "SELECT DISTINCT tenant_id::text FROM dashboard.dialog_facts UNION SELECT DISTINCT tenant_id::text FROM dashboard.client_facts"));
        Assert.Equal(2L, await fixture.Db.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_proc WHERE proname IN ('search_dialogs', 'search_clients') AND prosecdef AND proowner = '{searcher}'::regrole
            """));
    }

    /// <summary>Salon A's and salon B's indexed dialog and client, each with the same distinctive words; written as the owner, once.</summary>
    private async Task<(long DialogA, Guid ClientA)> SeedSearchRowsAsync()
    {
        var (dialogA, dialogB, clientA, clientB) = (9_100_000_001L, 9_100_000_002L, new Guid("5ea4c000-0000-4000-8000-00000000000a"), new Guid("5ea4c000-0000-4000-8000-00000000000b"));
        await fixture.Db.ExecuteAsync($"""
            INSERT INTO dashboard.dialog_facts (session_id, tenant_id, user_id, started_at, answered, response_ms_total, summary)
            VALUES ({dialogA}, '{fixture.SalonA}', '{clientA}', now(), 0, 0, 'Клиент спросил про кератин-люкс'),
                   ({dialogB}, '{fixture.SalonB}', '{clientB}', now(), 0, 0, 'Клиентка хочет кератин-люкс завтра')
            ON CONFLICT DO NOTHING;
            INSERT INTO dashboard.client_facts (client_id, tenant_id, client_created_at, name, phone_digits, dialogs, bookings)
            VALUES ('{clientA}', '{fixture.SalonA}', now(), 'Зоя Кератинова', '79990001122', 0, 0),
                   ('{clientB}', '{fixture.SalonB}', now(), 'Зоя Кератинова', '79990001122', 0, 0)
            ON CONFLICT DO NOTHING;
            """);
        return (dialogA, clientA);
    }

    private async Task<List<string>> TenantTablesAsync() => await QueryAsync(t => t.ScopeToSystem(), """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'dashboard'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped WHERE c.relkind = 'r' ORDER BY 1
        """);
}

/// <summary>The bot owner's opt-in policies on public (build/sql/public-rls.sql), in a run with <c>AGENTP_TEST_PUBLIC_RLS=1</c>.</summary>
public sealed class PublicRowLevelSecurityTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task With_the_owners_script_the_dashboards_role_reads_only_the_scopes_bot_rows_and_other_roles_all()
    {
        if (!PostgresServer.PublicRowLevelSecurity) return; // the script is opt-in; this run did not apply it
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeTo(fixture.SalonA);
            var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
            // Raw SQL with no salon condition, as a port that forgot it would write.
            var salons = await db.Database.SqlQuery<Guid>($"SELECT DISTINCT tenant_id AS \"Value\" FROM public.conversation_sessions_v2").ToListAsync();
            Assert.Equal([fixture.SalonA], salons);
        }
        // The owner (and the bot's own role) sees every salon's rows as before.
        Assert.True(await fixture.Db.ScalarAsync<long>("SELECT count(DISTINCT tenant_id) FROM public.conversation_sessions_v2") >= 2);
    }
}
