using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// A salon whose every text from the bot (and each text a user typed) starts like a spreadsheet formula: a salon name,
/// a client's name and phone, a summary, an intent, a currency, a wishlist comment and status, an alert's description, a
/// user's name.
/// </summary>
public sealed class HostileTextsFixture : AppFixture
{
    public const string Password = "Formula-pass-2026";
    public Guid Salon { get; private set; }

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow();
        Salon = await Db.Bot.TenantAsync("=HYPERLINK(\"http://evil.example\";\"Салон\")");
        var client = await Db.Bot.ClientAsync(Salon, "@Мария", "-1+1");
        // A formula behind leading whitespace still runs in a spreadsheet: a space, a no-break space, a line feed.
        foreach (var hidden in new[] { " =1+1", "\u00A0=1+1", "\n=1+1" })
            await Db.Bot.SessionAsync(Salon, await Db.Bot.ClientAsync(Salon, hidden, hidden), now.AddDays(-2), summary: hidden);
        await Db.Bot.SessionAsync(Salon, client, now.AddDays(-2), bookingId: "=YC", amount: 1500, currency: "+RUB", intent: "-намерение",
            summary: "\tсводка", metaJson: """{"service_title": "=услуга", "staff_name": "@мастер"}""");
        await Db.Bot.WishlistAsync(Salon, client, now.AddDays(-1), status: "=странный", comment: "\rкомментарий");
        await Db.Bot.MemoryAsync(Salon, client, """{"last_visit": "2026-09-01", "visit_interval_days": 21, "preferred_service": "=стрижка"}""", "+мастер", "-утро");
        await Db.ExecuteAsync($"""
            INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
            VALUES ('{Salon}', 'low_conversion', 'warning', date '2026-11-20', 15, 5, '=описание', now(), now(), now());
            INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, waiting_since, reopen_count, created_at, updated_at)
            VALUES ('{Salon}', '{client}', 'active', true, now(), now(), 0, now(), now());
            """);
        var admin = await App.CreateUserAsync("admin@formula.local", Password, Role.Admin, Salon);
        await Db.ExecuteAsync($"UPDATE dashboard.users SET first_name = '=Имя', last_name = '+Фамилия' WHERE id = {admin}");
        await App.CreateUserAsync("root@formula.local", Password, Role.SuperAdmin, null);
    }
}

/// <summary>
/// Every export, as the salon's admin and as the platform owner: no cell starts with a character a spreadsheet reads
/// as a formula (= + - @, tab, carriage return) unless the guard made it text, and each export that carries such a text
/// shows that the guard ran.
/// </summary>
public sealed class CsvFormulaGuardTests(HostileTextsFixture fixture) : IClassFixture<HostileTextsFixture>
{
    /// <summary>Each export and whether it carries one of the fixture's texts (the Overview and retention carry numbers only).</summary>
    public static TheoryData<string, string, bool> Exports() => new()
    {
        { "admin@formula.local", "/sessions/export?from=2026-11-01&to=2026-11-23", true },
        { "admin@formula.local", "/wishlist?handler=export&status=all", true },
        { "admin@formula.local", "/clients?handler=export", true },
        { "admin@formula.local", "/alerts?handler=export", true },
        { "admin@formula.local", "/escalations?handler=export", true },
        { "admin@formula.local", "/users?handler=export", true },
        { "admin@formula.local", "/audit?handler=export", false },
        { "admin@formula.local", "/?handler=export&range=30d", false },
        { "admin@formula.local", "/retention?handler=export", false },
        { "root@formula.local", "/sessions/export?from=2026-11-01&to=2026-11-23", true },
        { "root@formula.local", "/wishlist?handler=export&status=all", true },
        { "root@formula.local", "/clients?handler=export", true },
        { "root@formula.local", "/alerts?handler=export", true },
        { "root@formula.local", "/escalations?handler=export", true },
        { "root@formula.local", "/users?handler=export", true },
        { "root@formula.local", "/platform?handler=export&range=30d", true },
        { "root@formula.local", "/audit?handler=export", false },
        // The files for a person's spreadsheet: the same guard, and a phone's invisible mark is no way around it.
        { "admin@formula.local", "/sessions/export?from=2026-11-01&to=2026-11-23&format=excel", true },
        { "admin@formula.local", "/wishlist?handler=export&status=all&format=excel", true },
        { "admin@formula.local", "/clients?handler=export&format=excel", true },
        { "admin@formula.local", "/alerts?handler=export&format=excel", true },
        { "admin@formula.local", "/escalations?handler=export&format=excel", true },
        { "admin@formula.local", "/users?handler=export&format=excel", true },
        { "root@formula.local", "/sessions/export?from=2026-11-01&to=2026-11-23&format=excel", true },
        { "root@formula.local", "/escalations?handler=export&format=excel", true },
        { "root@formula.local", "/platform?handler=export&range=30d&format=excel", true },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task No_cell_of_an_export_reads_as_a_formula(string email, string url, bool carriesText)
    {
        using var client = await fixture.App.SignedInAsync(email, HostileTextsFixture.Password);
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var cells = Csv.Records(await response.Content.ReadAsStringAsync()).SelectMany(r => r).ToList();
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        // Nor behind whitespace (a space, a no-break space, a line feed): those cells are made text too.
        Assert.DoesNotContain(cells, c => c.TrimStart() is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@' && c[0] != '\'');
        if (carriesText) Assert.Contains(cells, c => c.StartsWith('\''));
    }
}
