using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using AgentP.Application.Clients;
using AgentP.Application.Common;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Clients;
using AgentP.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// A salon with two thousand clients (more than one 64 KiB buffer of CSV) and texts the bot wrote that a spreadsheet would
/// run as formulas, another salon beside it, and the clients port watched: how often it is asked, and a gate that holds
/// the clients' stream before its last row.
/// </summary>
public sealed class ExportsFixture : AppFixture
{
    public const string Password = "Exports-pass-2026";
    public const int ManyClients = 2000;

    public Guid Salon { get; private set; }
    public Guid Other { get; private set; }
    public int SalonClients { get; private set; }
    public Guid Tab { get; private set; }
    public Guid CarriageReturn { get; private set; }
    public Guid Formula { get; private set; }
    public long Session { get; private set; }
    public long Item { get; private set; }
    public ClientQueriesProbe Probe { get; } = new();

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow();
        Salon = await Db.Bot.TenantAsync("Салон «Выгрузка»");
        Other = await Db.Bot.TenantAsync("Салон «Соседи»");
        Tab = await Db.Bot.ClientAsync(Salon, "\tТабуляция", null);
        CarriageReturn = await Db.Bot.ClientAsync(Salon, "\rВозврат каретки", null);
        Formula = await Db.Bot.ClientAsync(Salon, "=СУММ(1;2)", null);
        await Db.ExecuteAsync("""
            INSERT INTO public.clients_v2 (tenant_id, full_name, phone, created_at)
            SELECT $1, 'Клиентка ' || lpad(i::text, 4, '0'), '+7 999 000-' || lpad(i::text, 4, '0'), now() - i * interval '1 minute'
            FROM generate_series(1, $2) i
            """, true, Salon, ManyClients);
        SalonClients = 3 + ManyClients;

        Session = await Db.Bot.SessionAsync(Salon, Formula, now.AddDays(-2), status: "dropped", bookingId: "YC-1", amount: 1500,
            currency: "=RUB", intent: "@намерение", summary: "\tсводка начинается с табуляции");
        await Db.Bot.SessionAsync(Salon, Tab, now.AddDays(-2), status: "dropped");
        await Db.Bot.SessionAsync(Salon, Tab, now.AddDays(-1));
        Item = await Db.Bot.WishlistAsync(Salon, Formula, now.AddDays(-1), status: "=на_проверке");
        await Db.ExecuteAsync("UPDATE public.wishlist_v2 SET source = '@источник' WHERE id = $1", true, Item);

        var neighbour = await Db.Bot.ClientAsync(Other, "Соседка Чужая", "+7 900 000-00-00");
        await Db.Bot.SessionAsync(Other, neighbour, now.AddDays(-2), status: "dropped");
        await Db.Bot.WishlistAsync(Other, neighbour, now.AddDays(-1));

        await App.CreateUserAsync("admin@exports.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("admin@neighbours.local", Password, Role.Admin, Other);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ClientSql>();
        services.AddScoped<IClientQueries>(sp => new ProbedClientQueries(sp.GetRequiredService<ClientSql>(), Probe));
    }
}

/// <summary>What the clients port was asked, and a gate that holds its rows.</summary>
public sealed class ClientQueriesProbe
{
    private int _reads;

    /// <summary>How many times the port was asked for clients (pages or the export's stream).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>When set, the rows stop after the first <see cref="HoldAfter"/> until the gate opens.</summary>
    public TaskCompletionSource? Gate { get; set; }
    public int HoldAfter { get; set; }
    public TaskCompletionSource Holding { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Set when the export's stream has read its last row from the database.</summary>
    public TaskCompletionSource Finished { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Gate = null;
        Holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal void Read() => Interlocked.Increment(ref _reads);

    /// <summary>Waits at the gate once <paramref name="rowsSoFar"/> rows have passed, if that is <see cref="HoldAfter"/>.</summary>
    internal async Task PassAsync(int rowsSoFar)
    {
        if (Gate is not { } gate || rowsSoFar != HoldAfter) return;
        Holding.TrySetResult();
        await gate.Task;
    }
}

/// <summary>The real clients SQL, watched by the probe.</summary>
public sealed class ProbedClientQueries(ClientSql inner, ClientQueriesProbe probe) : IClientQueries
{
    public Task<int> CountDueAsync(Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken) =>
        inner.CountDueAsync(tenantId, filter, today, cancellationToken);

    public Task<IReadOnlyList<ClientRow>> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        (DateOnly DueOn, Guid Id)? afterDue, int take, CancellationToken cancellationToken)
    {
        probe.Read();
        return inner.PageAsync(tenantId, filter, today, after, afterDue, take, cancellationToken);
    }

    public async IAsyncEnumerable<ClientRow> StreamAsync(Guid? tenantId, ClientFilter filter, DateOnly today, int take,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Read();
        var rows = 0;
        await foreach (var row in inner.StreamAsync(tenantId, filter, today, take, cancellationToken))
        {
            yield return row;
            await probe.PassAsync(++rows); // before the next row is read
        }
        probe.Finished.TrySetResult();
    }
}

/// <summary>
/// The CSV exports as use cases: each audits itself (what, filter, rows), is named by the app's clock, streams its rows as
/// they are read, and never lets a text the bot wrote become a spreadsheet formula.
/// </summary>
public sealed class ExportTests(ExportsFixture fixture) : IClassFixture<ExportsFixture>
{
    private Task<HttpClient> AdminAsync(string email = "admin@exports.local") => fixture.App.SignedInAsync(email, ExportsFixture.Password);

    public static TheoryData<string, string, string> Exports() => new()
    {
        { "/sessions/export?status=dropped", "sessions", """{"status":"dropped"}""" },
        { "/clients?handler=export&q=Клиентка%2000", "clients", """{"q":"Клиентка 00"}""" },
        { "/wishlist?handler=export&status=all", "wishlist", """{"status":"all"}""" },
        { "/?handler=export&from=2026-11-20&to=2026-11-22", "overview", """{"from":"2026-11-20","to":"2026-11-22"}""" },
        { "/audit?handler=export&action=login", "audit", """{"action":"login"}""" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Each_export_writes_one_audit_entry_with_what_it_exported_the_filter_and_the_rows(string url, string what, string filter)
    {
        using var client = await AdminAsync();
        var before = await ExportEntriesAsync(what);

        var rows = Csv.Records(await client.GetStringAsync(url)).Count - 1;

        Assert.Equal(before + 1, await ExportEntriesAsync(what));
        Assert.Equal($"Экспорт CSV «{ExportAudit.Title(what)}»: {RussianPlural.Count(rows, "строка", "строки", "строк")}|{filter}|{rows}", await fixture.Db.ScalarAsync<string>($"""
            SELECT description || '|' || (metadata->>'filter') || '|' || (metadata->>'rows') FROM dashboard.audits
            WHERE action = 'export' AND metadata->>'what' = '{what}' ORDER BY id DESC LIMIT 1
            """));
    }

    [Theory]
    [InlineData("/sessions/export", "sessions-20261123-0900.csv")]
    [InlineData("/clients?handler=export", "clients-20261123-0900.csv")]
    [InlineData("/wishlist?handler=export", "wishlist-20261123-0900.csv")]
    [InlineData("/audit?handler=export", "audit-20261123-0900.csv")]
    [InlineData("/?handler=export&from=2026-11-20&to=2026-11-22", "overview-2026-11-20-2026-11-22.csv")]
    public async Task Each_export_is_named_by_the_apps_clock(string url, string name)
    {
        using var client = await AdminAsync();
        using var response = await client.GetAsync(url);
        Assert.Equal(name, FileName(response.Content.Headers.ContentDisposition));
    }

    [Fact]
    public async Task A_clients_name_that_starts_with_a_tab_a_carriage_return_or_an_equals_sign_is_text()
    {
        using var client = await AdminAsync();
        var records = Csv.Records(await client.GetStringAsync("/clients?handler=export"));
        Assert.Equal("id;name;phone;preferred_staff;preferred_service;preferred_time;language;last_visit;visit_interval_days;overdue_days;dialogs;last_dialog_utc",
            string.Join(';', records[0]));
        Assert.Equal("'\tТабуляция", Name(fixture.Tab));
        Assert.Equal("'\rВозврат каретки", Name(fixture.CarriageReturn));
        Assert.Equal("'=СУММ(1;2)", Name(fixture.Formula));

        string Name(Guid id) => records.Single(r => r[0] == id.ToString())[1];
    }

    [Fact]
    public async Task A_sessions_summary_intent_and_currency_from_the_bot_are_text()
    {
        using var client = await AdminAsync();
        var records = Csv.Records(await client.GetStringAsync("/sessions/export"));
        var session = records.Single(r => r[0] == fixture.Session.ToString());
        Assert.Equal(("'=СУММ(1;2)", "'@намерение", "1500.00", "'=RUB", "'\tсводка начинается с табуляции"),
            (session[2], session[5], session[9], session[10], session[13]));
    }

    [Fact]
    public async Task A_wishlist_status_the_dashboard_does_not_know_and_the_bots_source_are_text()
    {
        using var client = await AdminAsync();
        var records = Csv.Records(await client.GetStringAsync("/wishlist?handler=export&status=all"));
        var item = records.Single(r => r[0] == fixture.Item.ToString());
        Assert.Equal(("'@источник", "unknown", "'=на_проверке"), (item[10], item[12], item[13]));
    }

    [Fact]
    public async Task The_clients_export_holds_every_client_in_one_file_read_with_one_query()
    {
        using var client = await AdminAsync();
        fixture.Probe.Reset();
        var records = Csv.Records(await client.GetStringAsync("/clients?handler=export"));
        Assert.Equal(fixture.SalonClients, records.Count - 1);
        Assert.Equal(fixture.SalonClients, records.Skip(1).Select(r => r[0]).Distinct().Count());
        Assert.Equal(1, fixture.Probe.Reads);
    }

    [Fact]
    public async Task The_database_is_read_to_the_end_whether_or_not_the_download_is_read()
    {
        // A client that reads its download slowly (or not at all) must not hold a database connection meanwhile: the rows
        // are read as they come and written to a buffer (memory, then a temporary file), the download goes out from there.
        using var client = await AdminAsync();
        fixture.Probe.Reset();
        using var response = await client.GetAsync("/clients?handler=export", HttpCompletionOption.ResponseHeadersRead)
            .WaitAsync(TimeSpan.FromSeconds(20));
        await fixture.Probe.Finished.Task.WaitAsync(TimeSpan.FromSeconds(20)); // nothing of the body read yet
        var records = Csv.Records(await response.Content.ReadAsStringAsync());
        Assert.Equal(fixture.SalonClients + 1, records.Count);
    }

    private Task<long> ExportEntriesAsync(string what) =>
        fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = '{what}'");

    private static string? FileName(ContentDispositionHeaderValue? disposition) => disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
}

/// <summary>Reads the exports' CSV: semicolons, CRLF records, quoted fields that may hold ; " CR and LF.</summary>
internal static class Csv
{
    public static List<string[]> Records(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(c);
        }
        return records;
    }
}
