using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Common;
using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// The salons of <see cref="SalonsFixture"/> with something in every list: salon B (Vladivostok, UTC+10) a wishlist request,
/// an alert, a waiting and a closed escalation, a client's memory; salon A the same with its own names. An owner of its own
/// for the rate limit, whose exports no other test counts, and the export limit at its default.
/// </summary>
public sealed class SpreadsheetExportsFixture : SalonsFixture
{
    public const string LimitOwner = "owner-limit@test.local";

    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>
        {
            ["Dashboard:ExportsPerMinute"] = new DashboardOptions().ExportsPerMinute.ToString(CultureInfo.InvariantCulture),
        });

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        var now = App.Clock.GetUtcNow();
        foreach (var (salon, name, reason) in new[] { (SalonA, "Анна Иванова", "complaint"), (SalonB, "Мария Петрова", "Клиентка просит перезвонить") })
        {
            var client = await Db.ScalarAsync<Guid>($"SELECT id FROM public.clients_v2 WHERE tenant_id = '{salon}' AND full_name = '{name}' LIMIT 1");
            await Db.Bot.WishlistAsync(salon, client, now.AddDays(-1), metaJson: """{"service_title": "Маникюр", "time_preference": "evening"}""");
            await Db.Bot.MemoryAsync(salon, client, """{"last_visit_date": "2026-09-01", "avg_visit_interval": 21}""", null, "morning");
            await Db.ExecuteAsync($"""
                INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
                VALUES ('{salon}', 'low_conversion', 'warning', date '2026-11-20', 15, 9.5, 'Конверсия 9,5 %', now(), now(), now());
                INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, escalation_reason, waiting_since, reopen_count, created_at, updated_at)
                VALUES ('{salon}', '{client}', 'active', true, now(), '{reason}', now(), 0, now(), now());
                INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, escalation_reason, waiting_since, reopen_count,
                  closed_at, closure_reason, created_at, updated_at)
                VALUES ('{salon}', '{client}', 'resolved', true, '2026-11-22 08:00+00', '{reason}', '2026-11-22 08:00+00', 0,
                  '2026-11-22 09:30+00', 'Перезвонили, записали', now(), now());
                """);
        }
        await App.CreateUserAsync(LimitOwner, Password, Role.SuperAdmin, null);
    }
}

/// <summary>
/// Every list's file for a person's spreadsheet (<c>format=excel</c>): Russian headers, words for codes, numbers with a
/// decimal comma (read back with Russian number rules), the salon's local times with the zone in the header, phones as text
/// without a visible mark, the file named in the salon's local time — and only the caller's salon.
/// </summary>
public sealed class SpreadsheetExportsTests(SpreadsheetExportsFixture fixture) : IClassFixture<SpreadsheetExportsFixture>
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>What makes a phone text in a spreadsheet without showing: U+200B.</summary>
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>Every list's export as a salon admin opens it; a list without a range is named by the moment it was made.</summary>
    public static TheoryData<string, string> Exports() => new()
    {
        { "/sessions/export?format=excel", "sessions-20261123-1900-excel.csv" },
        { "/clients?handler=export&format=excel", "clients-20261123-1900-excel.csv" },
        { "/clients?handler=export&due=1&format=excel", "clients-20261123-1900-excel.csv" },
        { "/wishlist?handler=export&status=all&format=excel", "wishlist-20261123-1900-excel.csv" },
        { "/escalations?handler=export&state=all&format=excel", "escalations-20261123-1900-excel.csv" },
        { "/alerts?handler=export&state=all&format=excel", "alerts-20261123-1900-excel.csv" },
        { "/audit?handler=export&format=excel", "audit-20261123-1900-excel.csv" },
        { "/users?handler=export&format=excel", "users-20261123-1900-excel.csv" },
        { "/retention?handler=export&format=excel", "-excel.csv" },
        { "/?handler=export&range=7d&format=excel", "overview-2026-11-17-2026-11-23-excel.csv" },
    };

    /// <summary>Codes the machine-readable files carry and a person's never should.</summary>
    private static readonly string[] Codes =
    [
        "done", "dropped", "escalated", "telegram", "whatsapp", "booking", "complaint", "pending", "slot", "service", "evening", "morning", "bot",
        "low_conversion", "warning", "critical", "admin", "staff", "super_admin", "active", "resolved", "yes", "no", "true", "false", "login", "export",
    ];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_salons_spreadsheet_reads_in_russian_with_local_times_and_decimal_commas(string url, string name)
    {
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(name, response.Content.Headers.ContentDisposition!.FileNameStar);
        var records = Csv.Records(await response.Content.ReadAsStringAsync());

        Assert.All(records[0], header => Assert.Matches("^[А-ЯЁ]", header)); // a Russian word, never a snake_case code
        Assert.All(records[0].Where(h => h.Contains(" (")), h => Assert.EndsWith("(Владивосток, UTC+10)", h));
        Assert.True(records.Count > 1, "the salon has rows in every list");
        var cells = records.Skip(1).SelectMany(r => r).ToList();
        Assert.DoesNotContain(cells, c => Codes.Contains(c));
        Assert.DoesNotContain(cells, c => Regex.IsMatch(c, @"^-?\d+\.\d+$")); // a dot beside ; reads as a date in Russian Excel
        Assert.DoesNotContain(cells, c => Regex.IsMatch(c, @"^\d{4}-\d\d-\d\d")); // dates as Russian Excel reads them: 23.11.2026
        Assert.DoesNotContain(cells, c => c.StartsWith("'+7", StringComparison.Ordinal));
        foreach (var (header, i) in records[0].Select((h, i) => (h, i)).Where(h => h.h.Contains(", %") || h.h.Contains(", ₽") || h.h.Contains(", с")))
            Assert.All(records.Skip(1).Select(r => r[i]).Where(v => v.Length > 0), v => decimal.Parse(v, NumberStyles.Number, Ru));
    }

    [Fact]
    public async Task Figures_times_and_phones_read_back_with_russian_rules()
    {
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);

        var sessions = Csv.Records(await client.GetStringAsync("/sessions/export?format=excel"));
        var booked = Row(sessions, "Запись в YClients", "YC-B");
        Assert.Equal(4000m, decimal.Parse(booked["Сумма записи"], NumberStyles.Number, Ru));
        Assert.Equal("4000,00", booked["Сумма записи"]);
        Assert.Equal(new DateTime(2026, 11, 23, 18, 50, 0), DateTime.Parse(booked["Начало (Владивосток, UTC+10)"], Ru)); // 08:50 UTC
        Assert.Equal(("Завершён", "Telegram"), (booked["Статус"], booked["Канал"]));

        var alerts = Csv.Records(await client.GetStringAsync("/alerts?handler=export&format=excel"));
        var alert = Row(alerts, "Что случилось", "Низкая конверсия");
        Assert.Equal(9.5m, decimal.Parse(alert["Было"], NumberStyles.Number, Ru));
        Assert.Equal(("9,5", "Предупреждение", "20.11.2026"), (alert["Было"], alert["Важность"], alert["День"]));

        var escalations = Csv.Records(await client.GetStringAsync("/escalations?handler=export&state=all&format=excel"));
        var closed = Row(escalations, "Состояние", "Закрыто");
        Assert.Equal("22.11.2026 19:30", closed["Закрыто (Владивосток, UTC+10)"]);
        Assert.Equal(("Перезвонили, записали", "Клиентка просит перезвонить"), (closed["Как закрыто"], closed["Причина"]));
        // A phone is text (no spreadsheet reads it as a formula or a number) and shows as written: no ' in front.
        Assert.Equal(ZeroWidthSpace + "+7 999 123-45-67", closed["Телефон"]);

        var clients = Csv.Records(await client.GetStringAsync("/clients?handler=export&format=excel"));
        var maria = Row(clients, "Клиент", "Мария Петрова");
        Assert.Equal(ZeroWidthSpace + "+7 999 123-45-67", maria["Телефон"]);
        Assert.Equal(("утро", "01.09.2026", "21"), (maria["Удобное время"], maria["Последний визит"], maria["Ходит раз в, дн."]));

        var wishlist = Csv.Records(await client.GetStringAsync("/wishlist?handler=export&status=all&format=excel"));
        var item = Row(wishlist, "Клиент", "Мария Петрова");
        Assert.Equal(("Окно", "вечер", "Бот", "Ждёт"), (item["Что ждёт"], item["Время"], item["Откуда"], item["Статус"]));
        Assert.Equal(ZeroWidthSpace + "+7 999 123-45-67", item["Телефон"]);
    }

    [Fact]
    public async Task The_machine_readable_files_stay_as_they_were()
    {
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        using var response = await client.GetAsync("/clients?handler=export");
        Assert.Equal("clients-20261123-0900.csv", response.Content.Headers.ContentDisposition!.FileNameStar); // UTC, as its …_utc columns
        var records = Csv.Records(await response.Content.ReadAsStringAsync());
        Assert.Equal("id", records[0][0]);
        Assert.Equal("'+7 999 123-45-67", Row(records, "name", "Мария Петрова")["phone"]);
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Another_salons_admin_gets_none_of_a_salons_rows(string url, string name)
    {
        _ = name;
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using (var b = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password))
            await b.GetStringAsync(url); // salon B's export made first: nothing of it may be reused for A
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var text = await client.GetStringAsync(url);
        Assert.True(Csv.Records(text).Count > 1);
        foreach (var other in new[] { "Мария Петрова", "Студия «Бета»", "Ольга Смирнова", "Салон «Гамма»", "Клиентка просит перезвонить", "admin-b@", "admin-c@", "Владивосток" })
            Assert.DoesNotContain(other, text);
    }

    [Fact]
    public async Task All_salons_spreadsheets_name_each_rows_salon()
    {
        using var root = await fixture.App.SignedInAsync("root@test.local", SalonsFixture.Password);
        foreach (var url in new[] { "/sessions/export?format=excel", "/escalations?handler=export&state=all&format=excel", "/alerts?handler=export&state=all&format=excel",
                     "/clients?handler=export&format=excel", "/clients?handler=export&due=1&format=excel", "/wishlist?handler=export&status=all&format=excel" })
        {
            var records = Csv.Records(await root.GetStringAsync(url));
            Assert.Equal("Салон", records[0][0]);
            Assert.Contains(records.Skip(1), r => r[0] == "Студия «Бета»");
            Assert.Contains(records.Skip(1), r => r[0] == "Салон «Альфа»");
        }
    }

    [Fact]
    public async Task Every_list_exported_in_both_forms_within_a_minute_stays_under_the_limit()
    {
        using var owner = await fixture.App.SignedInAsync(SpreadsheetExportsFixture.LimitOwner, SalonsFixture.Password);
        string[] lists =
        [
            "/sessions/export?", "/clients?handler=export&", "/clients?handler=export&due=1&", "/wishlist?handler=export&", "/escalations?handler=export&",
            "/alerts?handler=export&", "/audit?handler=export&", "/users?handler=export&", "/retention?handler=export&", "/?handler=export&",
            "/platform?handler=export&",
        ];
        foreach (var list in lists)
            foreach (var format in new[] { "", "format=excel" })
            {
                using var response = await owner.GetAsync(list + format);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list}{format}: {(int)response.StatusCode}");
            }
    }

    /// <summary>The first row whose <paramref name="column"/> is <paramref name="value"/>, by header.</summary>
    private static Dictionary<string, string> Row(List<string[]> records, string column, string value)
    {
        var index = Array.IndexOf(records[0], column);
        Assert.True(index >= 0, $"no column «{column}» in {string.Join(" | ", records[0])}");
        var row = records.Skip(1).First(r => r[index] == value);
        return records[0].Select((h, i) => (h, i)).ToDictionary(h => h.h, h => row[h.i]);
    }
}
