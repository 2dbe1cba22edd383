using System.Globalization;
using System.Net;
using AgentP.Application.Alerts;
using AgentP.Application.Clients;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.Application.Retention;
using AgentP.Application.Sessions;
using AgentP.Application.Settings;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Beside salons A (Moscow), B (Vladivostok, UTC+10) and C (Los Angeles, UTC−8): salon D, whose zone was written by SQL as one
/// nobody knows (the settings form refuses it; SQL does not), and salon E, whose zone PostgreSQL knows by an old spelling
/// (<c>US/Pacific</c>) that the form does not offer. Both count in the default zone, Moscow, for C# and SQL alike. Each has a
/// dialog at 21:30 UTC on the 22nd (00:30 on the 23rd in Moscow) and one at 12:00 UTC on the 22nd, each of its own client.
/// </summary>
public sealed class UnknownZoneFixture : SalonsFixture
{
    public Guid SalonD { get; private set; }
    public Guid SalonE { get; private set; }
    public TestUser AdminD { get; private set; } = null!;
    public TestUser AdminE { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        SalonD = await SalonAsync("Салон «Дельта»", "Mars/Olympus");
        SalonE = await SalonAsync("Салон «Эпсилон»", "US/Pacific");
        AdminD = new(await App.CreateUserAsync("admin-d@test.local", Password, Role.Admin, SalonD), Role.Admin, SalonD);
        AdminE = new(await App.CreateUserAsync("admin-e@test.local", Password, Role.Admin, SalonE), Role.Admin, SalonE);
    }

    private async Task<Guid> SalonAsync(string name, string zone)
    {
        var salon = await Db.Bot.TenantAsync(name);
        await Db.Bot.SessionAsync(salon, await Db.Bot.ClientAsync(salon, "Ночная Клиентка"), new DateTimeOffset(2026, 11, 22, 21, 30, 0, TimeSpan.Zero));
        await Db.Bot.SessionAsync(salon, await Db.Bot.ClientAsync(salon, "Дневная Клиентка"), new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await Db.ExecuteAsync($"""
            INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
            VALUES ('{salon}', 'Europe/Moscow', 15, 50, 20, 5, true, now())
            """);
        await Db.ExecuteAsync($"UPDATE dashboard.tenant_settings SET time_zone = '{zone}' WHERE tenant_id = '{salon}'");
        return salon;
    }
}

/// <summary>
/// A salon's zone comes from one source (<see cref="TenantTimeZones"/>, as <see cref="ScopeZones"/>) for C# and SQL alike: a zone
/// the host does not offer counts as the default in every statement, as it does in C#, and no page answers with a 500.
/// </summary>
public sealed class UnknownZoneTests(UnknownZoneFixture fixture) : IClassFixture<UnknownZoneFixture>
{
    [Theory]
    [InlineData("admin-d@test.local", "/")]
    [InlineData("admin-d@test.local", "/retention")]
    [InlineData("admin-d@test.local", "/sessions?from=2026-11-01&to=2026-11-23")]
    [InlineData("admin-e@test.local", "/")]
    [InlineData("root@test.local", "/")]
    [InlineData("root@test.local", "/platform")]
    [InlineData("root@test.local", "/retention")]
    public async Task Pages_answer_with_a_salons_zone_postgresql_does_not_know(string user, string url)
    {
        using var client = await fixture.App.SignedInAsync(user, SalonsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Every_surface_counts_each_salon_in_its_own_zone_and_an_unknown_one_in_the_default()
    {
        // The case that shows one source: PostgreSQL knows this spelling, the settings form (and so C#) does not.
        Assert.False(UpdateSettingsValidator.IsTimeZone("US/Pacific"));
        Assert.Equal("-08", await fixture.Db.ScalarAsync<string>("SELECT to_char(timestamptz '2026-11-22 12:00+00' AT TIME ZONE 'US/Pacific' - timestamp '2026-11-22 12:00', 'HH24')"));
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var zones = new Dictionary<Guid, TimeZoneInfo>
        {
            [fixture.SalonA] = moscow,
            [fixture.SalonB] = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok"),
            [fixture.SalonC] = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"),
            [fixture.SalonD] = moscow,
            [fixture.SalonE] = moscow,
        };
        var admins = new[] { fixture.AdminA, fixture.AdminB, fixture.AdminC, fixture.AdminD, fixture.AdminE };
        var dialogs = await DialogsAsync(zones);
        var d22 = new DateOnly(2026, 11, 22);

        // The collector (the job, as the system): dialogs per salon-local day.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 21), d22))).Error);
        Assert.Equal(
            Lines(zones.Keys.SelectMany(s => new[] { d22.AddDays(-1), d22 }.Select(d => $"{s} {d:yyyy-MM-dd} {dialogs.Count(x => x.Salon == s && x.Day == d)}"))),
            Lines((await fixture.Db.ScalarAsync<string>($"""
                SELECT string_agg(format('%s %s %s', tenant_id, to_char(day, 'YYYY-MM-DD'), dialogs_started), ';')
                FROM dashboard.metrics_dailies WHERE day BETWEEN '2026-11-21' AND '2026-11-22'
                  AND tenant_id IN ({string.Join(", ", zones.Keys.Select(s => $"'{s}'"))})
                """)).Split(';')));

        // The heatmap (the Overview's), each salon's admin and the super_admin over every salon: weekday × local hour.
        foreach (var (user, salons) in Views())
        {
            var report = await fixture.App.SendAs(user, new GetOverview(From: "2026-11-21", To: "2026-11-23"));
            var expected = dialogs.Where(x => salons(x.Salon) && x.Day >= d22.AddDays(-1))
                .GroupBy(x => ((int)x.Local.DayOfWeek + 6) % 7 * 100 + x.Local.Hour).Select(g => $"{g.Key / 100}-{g.Key % 100}:{g.Count()}");
            var actual = Enumerable.Range(0, 7).SelectMany(w => Enumerable.Range(0, 24).Where(h => report.Heatmap!.Counts[w][h] > 0)
                .Select(h => $"{w}-{h}:{report.Heatmap!.Counts[w][h]}"));
            Assert.Equal(Lines(expected, $"heatmap of {Name(user)}"), Lines(actual, $"heatmap of {Name(user)}"));
        }

        // Alerts (what the job evaluates after collecting): only closed days. At 22:00 UTC on the 10th it is already the 11th in
        // Moscow and Vladivostok, and still the 10th in Los Angeles: every salon's 10th is closed but C's.
        await fixture.Db.ExecuteAsync($"""
            INSERT INTO dashboard.metrics_dailies (tenant_id, day, dialogs_started, bookings, conversion)
            SELECT id, '2026-11-10', 10, 0, 0 FROM unnest(ARRAY[{string.Join(", ", zones.Keys.Select(s => $"'{s}'::uuid"))}]) AS id
            """);
        var at = new DateTimeOffset(2026, 11, 10, 22, 0, 0, TimeSpan.Zero);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem();
            var scopeZones = await scope.ServiceProvider.GetRequiredService<TenantTimeZones>().ForScopeAsync(null, default);
            await scope.ServiceProvider.GetRequiredService<IAlertEvaluator>().EvaluateAsync(new(2026, 11, 10), new(2026, 11, 10), null, scopeZones, at, default);
        }
        Assert.Equal(Lines(zones.Where(z => LocalDay.Of(at, z.Value) > new DateOnly(2026, 11, 10)).Select(z => z.Key.ToString())),
            Lines((await fixture.Db.ScalarAsync<string>("SELECT coalesce(string_agg(DISTINCT tenant_id::text, ';'), '') FROM dashboard.alerts WHERE day = '2026-11-10'")).Split(';', StringSplitOptions.RemoveEmptyEntries)));

        foreach (var (user, salons) in Views())
        {
            var mine = dialogs.Where(x => salons(x.Salon)).ToList();
            var firstDay = mine.GroupBy(x => x.Client).ToDictionary(g => g.Key, g => g.Min(x => x.Day));

            // Retention by day: who had a dialog on each local day, new on the day of their first dialog, returning after it.
            var retention = await fixture.App.SendAs(user, new GetRetention("2026-11-21", "2026-11-23", "day"));
            Assert.Equal(
                Lines(Enumerable.Range(0, 3).Select(i => d22.AddDays(i - 1)).Select(d =>
                {
                    var clients = mine.Where(x => x.Day == d).Select(x => x.Client).Distinct().ToList();
                    return $"{d:yyyy-MM-dd} {clients.Count(c => firstDay[c] == d)}/{clients.Count(c => firstDay[c] < d)}";
                }), $"retention of {Name(user)}"),
                Lines(retention.Periods.Select(p => $"{p.Start:yyyy-MM-dd} {p.New}/{p.Returning}"), $"retention of {Name(user)}"));

            // The clients list's drill-down: clients whose first dialog fell on the salon-local 22nd.
            var clients = await fixture.App.SendAs(user, new GetClients(new ClientFilter(FirstFrom: "2026-11-22", FirstTo: "2026-11-22")));
            Assert.Equal(Lines(firstDay.Where(f => f.Value == d22).Select(f => f.Key.ToString()), $"clients of {Name(user)}"),
                Lines(clients.Rows.Select(r => r.Id.ToString()), $"clients of {Name(user)}"));

            // The sessions list's dates: the dialogs of the salon-local 22nd.
            var sessions = await fixture.App.SendAs(user, new GetSessions(new SessionFilter(From: "2026-11-22", To: "2026-11-22")));
            Assert.Equal(Lines(mine.Where(x => x.Day == d22).Select(x => x.Id.ToString(CultureInfo.InvariantCulture)), $"sessions of {Name(user)}"),
                Lines(sessions.Rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)), $"sessions of {Name(user)}"));
        }

        // Each salon's admin sees their salon; the super_admin, who picked none, every salon.
        IEnumerable<(TestUser User, Func<Guid, bool> Salons)> Views() =>
            admins.Select(a => (a, (Func<Guid, bool>)(s => s == a.Tenant))).Append((fixture.SuperAdmin, _ => true));
        string Name(TestUser user) => user.Tenant is { } t ? $"salon {t}" : "all salons";
    }

    /// <summary>Every dialog of the bot, with its day and time in the zone its salon is expected to count in (Moscow for any other salon).</summary>
    private async Task<List<(long Id, Guid Salon, Guid Client, DateTime Local, DateOnly Day)>> DialogsAsync(IReadOnlyDictionary<Guid, TimeZoneInfo> zones)
    {
        var rows = await fixture.Db.ScalarAsync<string>("""
            SELECT string_agg(format('%s|%s|%s|%s', id, tenant_id, user_id, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')), ';')
            FROM public.conversation_sessions_v2
            """);
        return rows.Split(';').Select(r => r.Split('|')).Select(p =>
        {
            var salon = Guid.Parse(p[1]);
            var utc = DateTime.SpecifyKind(DateTime.Parse(p[3], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zones.GetValueOrDefault(salon) ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
            return (long.Parse(p[0], CultureInfo.InvariantCulture), salon, Guid.Parse(p[2]), local, DateOnly.FromDateTime(local));
        }).ToList();
    }

    /// <summary>One line per item, sorted, with what they are of: a failure shows the whole difference and where.</summary>
    private static string Lines(IEnumerable<string> items, string what = "") =>
        $"{what}\n" + string.Join("\n", items.Order(StringComparer.Ordinal));
}
