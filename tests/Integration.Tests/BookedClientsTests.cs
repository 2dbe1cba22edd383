using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Dialogs;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Overdue clients in three salons of three zones (Moscow, Vladivostok, Los Angeles) and a fourth salon, each with every kind
/// of booking: none, one ahead, one cancelled, one past, one earlier in the salon's own today (already yesterday in UTC), one
/// in another salon's dialog. The dialog index holds them; then, above its mark, two clients book (the live tail).
/// </summary>
public sealed partial class BookedClientsFixture : AppFixture
{
    public const string Password = "Booked-pass-2026";

    /// <summary>15:00 UTC on 23 November: already the 24th in Vladivostok, the 23rd in Moscow and Los Angeles.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public Guid Moscow { get; private set; }
    public Guid East { get; private set; }
    public Guid West { get; private set; }
    public Guid Other { get; private set; }

    protected override async Task SeedAsync()
    {
        App.Clock.SetUtcNow(Now);
        Moscow = await Db.Bot.TenantAsync("Салон «Москва»");
        East = await Db.Bot.TenantAsync("Салон «Восток»");
        West = await Db.Bot.TenantAsync("Салон «Запад»");
        Other = await Db.Bot.TenantAsync("Салон «Чужой»");
        await ZoneAsync(East, "Asia/Vladivostok");
        await ZoneAsync(West, "America/Los_Angeles");
        var late = new List<(Guid Salon, Guid Client)>();
        foreach (var (salon, name, zone) in new[] { (Moscow, "М", "Europe/Moscow"), (East, "В", "Asia/Vladivostok"), (West, "З", "America/Los_Angeles"), (Other, "Ч", "Europe/Moscow") })
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, tz).DateTime);
            DateTimeOffset Local(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), tz.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0))));
            async Task<Guid> OverdueAsync(string who)
            {
                var id = await Db.Bot.ClientAsync(salon, $"{name} {who}", null);
                await Db.Bot.MemoryAsync(salon, id, """{"last_visit_date": "2026-10-01", "avg_visit_interval": 21}""");
                return id;
            }
            async Task BookAsync(Guid client, DateTimeOffset at, string status = "confirmed", Guid? inSalon = null)
            {
                var dialog = await Db.Bot.SessionAsync(inSalon ?? salon, client, Now.AddDays(-3), bookingId: $"YC-{Guid.NewGuid():N}", amount: 1500, bookingAt: at);
                await Db.ExecuteAsync($"UPDATE public.conversation_sessions_v2 SET booking_status = '{status}' WHERE id = {dialog}");
            }
            await OverdueAsync("без записи");
            await BookAsync(await OverdueAsync("записан вперёд"), Local(today.AddDays(5), 12));
            await BookAsync(await OverdueAsync("отменил запись"), Local(today.AddDays(5), 12), "cancelled");
            await BookAsync(await OverdueAsync("запись прошла"), Local(today.AddDays(-2), 12));
            await BookAsync(await OverdueAsync("записан на утро"), Local(today, 1)); // today there, but before today began in UTC (east)
            await BookAsync(await OverdueAsync("записан вчера вечером"), Local(today.AddDays(-1), 23));
            // A booking in another salon's dialog (the bot's data may be odd) is that salon's, not this client's.
            await BookAsync(await OverdueAsync("записан в чужом салоне"), Local(today.AddDays(5), 12), inSalon: salon == Other ? Moscow : Other);
            late.Add((salon, await OverdueAsync("записался только что")));
            var booked = await OverdueAsync("записан давно вперёд"); // booked half a year ahead, more than 180 days ago
            await Db.Bot.SessionAsync(salon, booked, Now.AddDays(-200), bookingId: "YC-old", bookingAt: Local(today.AddDays(30), 12));
        }
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync(); // the bot's writes above, not the dashboard's
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
        // Above the index's mark: read live.
        foreach (var (salon, client) in late)
            await Db.Bot.SessionAsync(salon, client, Now.AddMinutes(-5), bookingId: "YC-late", bookingAt: Now.AddDays(3));
        await App.CreateUserAsync("admin@moscow-booked.local", Password, Role.Admin, Moscow);
        await App.CreateUserAsync("admin@east-booked.local", Password, Role.Admin, East);
        await App.CreateUserAsync("admin@west-booked.local", Password, Role.Admin, West);
        await App.CreateUserAsync("admin@other-booked.local", Password, Role.Admin, Other);
        await App.CreateUserAsync("root@booked.local", Password, Role.SuperAdmin, null);
    }

    private Task ZoneAsync(Guid salon, string zone) => Db.ExecuteAsync($"""
        INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
        VALUES ('{salon}', '{zone}', 15, 50, 20, 5, true, now())
        """);

    /// <summary>
    /// Who is due, computed live from the bot's tables by the definition (docs/architecture.md §5): overdue by their salon's
    /// today, with no booking, not cancelled, in their salon for that today or later — names joined by "|", in order.
    /// </summary>
    public Task<string> DueLiveAsync(Guid? salon) => Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(c.full_name, '|' ORDER BY c.full_name COLLATE "C"), '')
        FROM public.clients_v2 c
        JOIN public.user_ltm_v2 l ON l.tenant_id = c.tenant_id AND l.user_id = c.id
        CROSS JOIN LATERAL (SELECT coalesce((SELECT time_zone FROM dashboard.tenant_settings t WHERE t.tenant_id = c.tenant_id), 'Europe/Moscow') AS zone) z
        WHERE {(salon is null ? "true" : $"c.tenant_id = '{salon}'")}
          AND (l.ltm_data->>'last_visit_date')::date + (l.ltm_data->>'avg_visit_interval')::int < (timestamptz '{Now:O}' AT TIME ZONE z.zone)::date
          AND NOT EXISTS (SELECT 1 FROM public.conversation_sessions_v2 s
                          WHERE s.user_id = c.id AND s.tenant_id = c.tenant_id AND coalesce(s.booking_status, '') <> 'cancelled'
                            AND (s.booking_datetime AT TIME ZONE z.zone)::date >= (timestamptz '{Now:O}' AT TIME ZONE z.zone)::date)
        """);
}

/// <summary>
/// The due list leaves out clients who have booked a visit (issue 22): what the client index and the live tail above its mark
/// say agrees with the bot's own dialogs, in every salon's own zone, and one salon's bookings never touch another's list.
/// </summary>
public sealed partial class BookedClientsTests(BookedClientsFixture fixture) : IClassFixture<BookedClientsFixture>
{
    private async Task<(string Names, string Count)> DueAsync(string email)
    {
        using var client = await fixture.App.SignedInAsync(email, BookedClientsFixture.Password);
        var html = await client.GetStringAsync("/clients?due=1");
        var names = ClientsTestsBase.ClientLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Order(StringComparer.Ordinal);
        return (string.Join("|", names), DueCount().Match(html).Groups[1].Value);
    }

    [Theory]
    [InlineData("moscow")]
    [InlineData("east")]
    [InlineData("west")]
    [InlineData("other")]
    public async Task A_salons_due_list_leaves_out_exactly_the_clients_with_a_booking_ahead(string salon)
    {
        var id = salon switch { "moscow" => fixture.Moscow, "east" => fixture.East, "west" => fixture.West, _ => fixture.Other };
        var expected = await fixture.DueLiveAsync(id);
        var (names, count) = await DueAsync($"admin@{salon}-booked.local");
        Assert.Equal(expected, names);
        Assert.Equal(expected.Split('|').Length.ToString(), count);
        // Due: no booking, a cancelled one, a past one, one in another salon's dialog; never this salon's clients who booked.
        Assert.Contains("без записи", names);
        Assert.Contains("отменил запись", names);
        Assert.Contains("записан в чужом салоне", names);
        Assert.DoesNotContain("записан вперёд", names);
        Assert.DoesNotContain("записан на утро", names);
        Assert.DoesNotContain("записался только что", names); // booked in the live tail, above the index's mark
        Assert.DoesNotContain("записан давно вперёд", names);
        var prefix = names.Split('|').Select(n => n.Split(' ')[0]).Distinct();
        Assert.Single(prefix); // this salon's clients only
    }

    [Fact]
    public async Task The_all_salons_due_list_is_every_salons_own_list()
    {
        var expected = await fixture.DueLiveAsync(null);
        var (names, count) = await DueAsync("root@booked.local");
        Assert.Equal(expected, names);
        Assert.Equal(expected.Split('|').Length.ToString(), count);
        // Each salon's today: the 23rd, 23:00 in Vladivostok is yesterday there (the 24th), though still today in Moscow.
        Assert.Contains("В записан вчера вечером", names);
        Assert.DoesNotContain("В записан на утро", names);
    }

    [Fact]
    public async Task The_migration_fills_the_booked_visits_of_the_clients_already_indexed()
    {
        var before = await fixture.Db.ScalarAsync<string>("SELECT string_agg(client_id || '=' || coalesce(booked_until::text, '-'), ',' ORDER BY client_id) FROM dashboard.client_facts");
        Assert.NotEmpty(before);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<DashboardDbContext>().GetService<IMigrator>();
            await migrator.MigrateAsync("20261206040200_KnownZones"); // the column gone with its values
            await migrator.MigrateAsync(); // added again, filled from the indexed dialogs
        }
        Assert.Equal(before, await fixture.Db.ScalarAsync<string>("SELECT string_agg(client_id || '=' || coalesce(booked_until::text, '-'), ',' ORDER BY client_id) FROM dashboard.client_facts"));
        Assert.Equal(await fixture.DueLiveAsync(null), (await DueAsync("root@booked.local")).Names);
    }

    [GeneratedRegex("data-testid=\"due-count\">[^<0-9]*(\\d+)<")]
    private static partial Regex DueCount();
}
