using System.Net;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using Npgsql;

namespace AgentP.Integration.Tests;

/// <summary>A page's statements stop after a short timeout here (1 s); jobs keep theirs.</summary>
public sealed class StatementTimeoutFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["Dashboard:QueryTimeoutSeconds"] = "1" });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Таймаут»");
        await App.CreateUserAsync("timeout@test.local", "Bounded-pass-2026", Role.Admin, salon);
    }
}

/// <summary>Every page's work is bounded: a statement that outlasts the page timeout gets a friendly page, not a 500.</summary>
public sealed class StatementTimeoutTests(StatementTimeoutFixture fixture) : IClassFixture<StatementTimeoutFixture>
{
    [Fact]
    public async Task A_page_whose_query_outlasts_the_timeout_answers_a_friendly_503_and_the_next_request_is_served()
    {
        using var signedIn = await fixture.App.SignedInAsync("timeout@test.local", "Bounded-pass-2026");
        HttpResponseMessage slow;
        // The Overview reads the collected days; held by a lock, its query waits past the page's timeout.
        await using (var holder = await TableLock.LockAsync(fixture.Db, "dashboard.metrics_dailies"))
            slow = await signedIn.GetAsync("/overview");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
        var page = await slow.Content.ReadAsStringAsync();
        Assert.Contains("Запрос выполнялся слишком долго", page);
        Assert.DoesNotContain("Exception", page);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/overview")).StatusCode);
    }
}

public sealed class HeavyLimitFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            // Reuse off: two requests for the same figures would otherwise share one load, and one query would wait, not two.
            ["Dashboard:HeavyRequestsPerUser"] = "2", ["Dashboard:QueryTimeoutSeconds"] = "60", ["Dashboard:ReportCacheSeconds"] = "0",
        });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Тяжёлый»");
        var other = await Db.Bot.TenantAsync("Салон «Соседний»");
        await App.CreateUserAsync("heavy@test.local", "Bounded-pass-2026", Role.Admin, salon);
        await App.CreateUserAsync("neighbour@test.local", "Bounded-pass-2026", Role.Admin, other);
    }
}

/// <summary>One user cannot fill the database with heavy requests: one past the limit is refused; other users are not.</summary>
public sealed class HeavyLimitTests(HeavyLimitFixture fixture) : IClassFixture<HeavyLimitFixture>
{
    [Fact]
    public async Task One_heavy_request_past_the_users_limit_gets_429_with_the_page_and_another_user_is_unaffected()
    {
        using var heavy = await fixture.App.SignedInAsync("heavy@test.local", "Bounded-pass-2026");
        using var neighbour = await fixture.App.SignedInAsync("neighbour@test.local", "Bounded-pass-2026");
        Task<HttpResponseMessage>[] running;
        HttpResponseMessage refused;
        Task<HttpResponseMessage> others;
        await using (var holder = await TableLock.LockAsync(fixture.Db, "dashboard.metrics_dailies"))
        {
            running = [heavy.GetAsync("/overview"), heavy.GetAsync("/overview")];
            await holder.WaitForWaitersAsync(2);
            refused = await heavy.GetAsync("/sessions");
            others = neighbour.GetAsync("/overview");
            await holder.WaitForWaitersAsync(3);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Слишком много запросов", await refused.Content.ReadAsStringAsync());
        Assert.All(await Task.WhenAll(running), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await others).StatusCode);
        // The permits come back when the requests end.
        Assert.Equal(HttpStatusCode.OK, (await heavy.GetAsync("/sessions")).StatusCode);
    }
}

/// <summary>Holds a table locked (as the owner, in a transaction rolled back at the end) so that the pages reading it wait.</summary>
internal sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly TestDatabase db;

    private TableLock(TestDatabase db, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (this.db, this.connection, this.transaction) = (db, connection, transaction);

    public static async Task<TableLock> LockAsync(TestDatabase db, string table)
    {
        var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableLock(db, connection, transaction);
    }

    /// <summary>Until this many of the app's queries wait for the lock (each request waits on one).</summary>
    public async Task WaitForWaitersAsync(int count)
    {
        for (var i = 0; i < 600; i++)
        {
            var waiting = await db.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (waiting >= count) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} queries came to wait for the lock.");
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await connection.DisposeAsync();
    }
}

public sealed class InstanceHeavyLimitFixture : AppFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Dashboard:HeavyRequestsPerInstance"] = "1", ["Dashboard:QueryTimeoutSeconds"] = "60", ["Dashboard:ReportCacheSeconds"] = "0",
        });

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Первый в очереди»");
        var other = await Db.Bot.TenantAsync("Салон «Второй в очереди»");
        await App.CreateUserAsync("first@test.local", "Bounded-pass-2026", Role.Admin, salon);
        await App.CreateUserAsync("second@test.local", "Bounded-pass-2026", Role.Admin, other);
    }
}

/// <summary>
/// However many users ask at once, one instance runs only <c>Dashboard:HeavyRequestsPerInstance</c> heavy requests in the
/// database the bot shares; the others wait their turn (answered, not refused).
/// </summary>
public sealed class InstanceHeavyLimitTests(InstanceHeavyLimitFixture fixture) : IClassFixture<InstanceHeavyLimitFixture>
{
    [Fact]
    public async Task Heavy_requests_past_the_instances_limit_wait_their_turn_outside_the_database_and_are_answered()
    {
        using var first = await fixture.App.SignedInAsync("first@test.local", "Bounded-pass-2026");
        using var second = await fixture.App.SignedInAsync("second@test.local", "Bounded-pass-2026");
        Task<HttpResponseMessage> running, waiting;
        await using (var holder = await TableLock.LockAsync(fixture.Db, "dashboard.metrics_dailies"))
        {
            running = first.GetAsync("/overview");
            await holder.WaitForWaitersAsync(1);
            waiting = second.GetAsync("/overview");
            // Without the limit the second request's statement would join the first at the lock within this time.
            for (var i = 0; i < 20; i++)
            {
                await Task.Delay(100);
                Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"));
            }
            Assert.False(waiting.IsCompleted);
        }

        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
    }

    [Fact]
    public async Task An_export_in_progress_holds_none_of_the_instances_permits()
    {
        // A download holds its permit until its last byte is read, however slowly: were exports counted, one user's
        // slow downloads would stall every salon's reports (here the instance has one permit).
        using var first = await fixture.App.SignedInAsync("first@test.local", "Bounded-pass-2026");
        using var second = await fixture.App.SignedInAsync("second@test.local", "Bounded-pass-2026");
        Task<HttpResponseMessage> export;
        await using (var holder = await TableLock.LockAsync(fixture.Db, "dashboard.audits"))
        {
            export = first.GetAsync("/audit?handler=export");
            await holder.WaitForWaitersAsync(1);
            using var report = await second.GetAsync("/overview").WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.False(export.IsCompleted);
        }
        Assert.Equal(HttpStatusCode.OK, (await export).StatusCode);
    }
}
