using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common;
using AgentP.Application.Dialogs;
using AgentP.Application.Overview;
using AgentP.Application.Retention;
using AgentP.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Salons in Moscow (the default zone), Vladivostok (UTC+10), Los Angeles (UTC−8/−7) and Kolkata (UTC+5:30, a zone whose
/// offset is not whole hours): clients with dialogs from May to October 2026, many of them in the last minutes of a local day
/// or month somewhere, some booked. Nothing indexed yet.
/// </summary>
public sealed class DialogRollupsFixture : AppFixture
{
    public static readonly string[] Zones = ["Europe/Moscow", "Asia/Vladivostok", "America/Los_Angeles", "Asia/Kolkata"];
    public Guid[] Salons { get; private set; } = [];

    protected override async Task SeedAsync()
    {
        var random = new Random(2026);
        var salons = new List<Guid>();
        foreach (var zone in Zones)
        {
            var salon = await Db.Bot.TenantAsync($"Салон {zone}");
            salons.Add(salon);
            if (zone != "Europe/Moscow") await ZoneAsync(salon, zone);
            for (var c = 0; c < 8; c++)
            {
                var client = await Db.Bot.ClientAsync(salon, $"Клиент {c}", null);
                var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 120));
                for (var d = random.Next(1, 6); d > 0; d--)
                {
                    var session = Guid.NewGuid();
                    await Db.Bot.SessionAsync(salon, client, at, bookingId: random.Next(3) == 0 ? $"YC-{random.Next()}" : null, sessionId: session);
                    if (c < 3)
                    {
                        // Two answered questions and a last one unanswered: response times for the collector.
                        await Db.Bot.MessageAsync(salon, client, session, "user", at.AddMinutes(1));
                        await Db.Bot.MessageAsync(salon, client, session, "assistant", at.AddMinutes(1).AddSeconds(random.Next(1, 90)));
                        await Db.Bot.MessageAsync(salon, client, session, "user", at.AddMinutes(3));
                        await Db.Bot.MessageAsync(salon, client, session, "assistant", at.AddMinutes(3).AddSeconds(random.Next(1, 90)));
                        await Db.Bot.MessageAsync(salon, client, session, "user", at.AddMinutes(5));
                    }
                    at = at.AddMinutes(random.Next(60, 60 * 24 * 40));
                }
            }
            // The edges of a local day and month: 30 June 20:50 … 21:10 UTC is past midnight in Moscow, 18:25 … 18:35 UTC
            // straddles midnight in Kolkata, 06:55 … 07:05 UTC on 1 July in Los Angeles, 13:55 … 14:05 UTC in Vladivostok.
            var edge = await Db.Bot.ClientAsync(salon, "На границе", null);
            foreach (var (hour, minute) in new[] { (20, 50), (21, 10), (18, 25), (18, 35), (13, 55), (14, 5) })
                await Db.Bot.SessionAsync(salon, edge, new DateTimeOffset(2026, 6, 30, hour, minute, 0, TimeSpan.Zero), bookingId: minute == 5 ? "YC-E" : null);
            foreach (var minute in new[] { 55, 65 })
                await Db.Bot.SessionAsync(salon, edge, new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero).AddMinutes(minute));
        }
        Salons = [.. salons];
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync();
    }

    public Task ZoneAsync(Guid salon, string zone) => Db.ExecuteAsync($"""
        INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
        VALUES ('{salon}', '{zone}', 15, 50, 20, 5, true, now())
        ON CONFLICT (tenant_id) DO UPDATE SET time_zone = excluded.time_zone
        """);
}

/// <summary>
/// The dialog index's rollups (dashboard.dialog_slots, dashboard.client_slots) and what the heatmap and retention read from
/// them agree with a count of the same dialogs over <c>public</c> — before anything is indexed, chunk by chunk while a dialog
/// arrives, with a young dialog holding the copy back, once everything is indexed, and after a salon changes its zone.
/// </summary>
public sealed class DialogRollupsTests(DialogRollupsFixture fixture) : IClassFixture<DialogRollupsFixture>
{
    private static readonly DateOnly From = new(2026, 6, 1), To = new(2026, 9, 30);

    [Fact]
    public async Task Rollups_and_their_readers_agree_with_a_live_count_through_indexing_and_a_zone_change()
    {
        await AgreeAsync("nothing indexed");

        // A dialog still being written stops the copy; a dialog arriving meanwhile waits above the mark, read live.
        var young = await fixture.Db.ScalarAsync<long>(
            "SELECT id FROM public.conversation_sessions_v2 ORDER BY id OFFSET 60 LIMIT 1");
        await fixture.Db.ExecuteAsync($"UPDATE public.conversation_sessions_v2 SET created_at = now() WHERE id = {young}");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem(); // as the index job runs
            var index = scope.ServiceProvider.GetRequiredService<IDialogIndex>();
            var stopAt = await index.StopAtAsync(IndexDialogs.Settle, default);
            var chunks = 0;
            while (await index.IndexAsync(stopAt, 7, default) > 0)
            {
                if (++chunks == 2)
                {
                    var client = await fixture.Db.ScalarAsync<Guid>($"SELECT id FROM public.clients_v2 WHERE tenant_id = '{fixture.Salons[3]}' LIMIT 1");
                    await fixture.Db.Bot.SessionAsync(fixture.Salons[3], client, new DateTimeOffset(2026, 7, 31, 18, 40, 0, TimeSpan.Zero), bookingId: "YC-NEW");
                }
                await AgreeAsync($"chunk {chunks}");
            }
            Assert.True(chunks > 3);
        }
        Assert.Equal(young - 1, await fixture.Db.ScalarAsync<long>("SELECT rolled_up_to FROM dashboard.rollup_marks"));

        await fixture.Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await fixture.Db.SealPublicAsync();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new IndexDialogs());
        Assert.Equal(await fixture.Db.ScalarAsync<long>("SELECT max(id) FROM public.conversation_sessions_v2"),
            await fixture.Db.ScalarAsync<long>("SELECT rolled_up_to FROM dashboard.rollup_marks"));
        await AgreeAsync("everything indexed");

        // The rollups are in UTC: a salon moving to another zone (here +05:45) reads the same rows on its new clock.
        await fixture.ZoneAsync(fixture.Salons[3], "Asia/Kathmandu");
        await fixture.ZoneAsync(fixture.Salons[0], "America/Los_Angeles");
        await AgreeAsync("zones changed");
        // Retention's own rollups are local days and months: the index counts the two salons again in their new zones.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new IndexDialogs());
        Assert.Equal("America/Los_Angeles,America/Los_Angeles,Asia/Kathmandu,Asia/Vladivostok", await fixture.Db.ScalarAsync<string>(
            "SELECT string_agg(time_zone, ',' ORDER BY time_zone) FROM dashboard.retention_zones"));
        await AgreeAsync("zones changed, counted again");

        // Once every salon is counted in its zone, a page reads retention's rollups only: without client_slots, the same figures.
        var before = await AllSalonsRetentionAsync();
        await fixture.Db.ExecuteAsync("DELETE FROM dashboard.client_slots");
        Assert.Equal(before, await AllSalonsRetentionAsync());
    }

    private async Task<string> AllSalonsRetentionAsync()
    {
        await using var services = fixture.App.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem();
        var zones = await ZonesAsync();
        var figures = await services.ServiceProvider.GetRequiredService<IRetentionQueries>().ComputeAsync(null,
            new ScopeZones(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"), zones.Where(z => z.Value.Id != "Europe/Moscow").ToDictionary()),
            From, To, "week", new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1), default);
        Assert.NotEmpty(figures.Periods);
        return Text(figures);
    }

    private static ScopeZones ScopeZonesOf(Guid? salon, IReadOnlyDictionary<Guid, TimeZoneInfo> zones) =>
        salon is { } one ? new ScopeZones(zones[one], new Dictionary<Guid, TimeZoneInfo>())
            : new ScopeZones(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"), zones.Where(z => z.Value.Id != "Europe/Moscow").ToDictionary());

    private async Task AgreeAsync(string when)
    {
        await using var services = fixture.App.Services.CreateAsyncScope();
        // The ports take their salon as a parameter; the unit of work reads past row-level security, as a job does.
        services.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem();
        var heatmap = services.ServiceProvider.GetRequiredService<IDialogHeatmapQuery>();
        var retention = services.ServiceProvider.GetRequiredService<IRetentionQueries>();
        var zones = await ZonesAsync();
        foreach (Guid? salon in fixture.Salons.Cast<Guid?>().Append(null))
        {
            foreach (var (from, to) in new[] { (From, To), (new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1)) })
            {
                var cells = await heatmap.CountAsync(salon, from, to, ScopeZonesOf(salon, zones), default);
                var scope = $" (heatmap of {salon?.ToString() ?? "all salons"} {from}…{to}, {when})";
                Assert.Equal(await LiveHeatmapAsync(salon, from, to) + scope,
                    string.Join(";", cells.OrderBy(c => c.Weekday).ThenBy(c => c.Hour).Select(c => $"{c.Weekday}-{c.Hour}:{c.Dialogs}")) + scope);
            }
            var scopeZones = ScopeZonesOf(salon, zones);
            foreach (var group in new[] { "day", "week", "month" })
            {
                var figures = await retention.ComputeAsync(salon, scopeZones, From, To, group, new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1), default);
                var scope = $" (retention of {salon?.ToString() ?? "all salons"} by {group}, {when})";
                Assert.Equal(await LiveRetentionAsync(salon, group) + scope, Text(figures) + scope);
            }
        }

        // The collector's response times: rolled-up slots plus the live tail, as the messages give them.
        var collector = services.ServiceProvider.GetRequiredService<AgentP.Application.Metrics.IDailyMetricsCollector>();
        var rows = await collector.ComputeAsync(From, To, null, ScopeZonesOf(null, zones), DateTimeOffset.UtcNow, default);
        Assert.Equal(await LiveResponsesAsync() + $" ({when})", string.Join(";", rows.Where(r => r.AnsweredMessages > 0)
            .OrderBy(r => r.TenantId.ToString()).ThenBy(r => r.Day).Select(r => $"{r.TenantId} {r.Day:yyyy-MM-dd} {r.AnsweredMessages} {r.AvgResponseMs}")) + $" ({when})");

        // The rollups themselves: every dialog up to their mark, by salon and slot (and client), none above.
        const string upToMark = "s.id <= (SELECT coalesce(max(rolled_up_to), 0) FROM dashboard.rollup_marks)";
        Assert.Equal(
            await fixture.Db.ScalarAsync<string>($"""
                SELECT coalesce(string_agg(format('%s %s %s %s %s', tenant_id, slot, n, a, ms), ';' ORDER BY tenant_id, slot), '')
                FROM (SELECT s.tenant_id, date_bin('15 minutes', s.started_at, timestamptz '2000-01-01 00:00+00') AS slot,
                             count(*) AS n, sum(f.answered) AS a, sum(f.response_ms_total)::numeric(20, 3) AS ms
                      FROM public.conversation_sessions_v2 s JOIN dashboard.dialog_facts f ON f.session_id = s.id
                      WHERE {upToMark} GROUP BY 1, 2) x
                """),
            await fixture.Db.ScalarAsync<string>("""
                SELECT coalesce(string_agg(format('%s %s %s %s %s', tenant_id, slot, dialogs, answered, response_ms_total::numeric(20, 3)), ';' ORDER BY tenant_id, slot), '')
                FROM dashboard.dialog_slots
                """));
        Assert.Equal(
            await fixture.Db.ScalarAsync<string>($"""
                SELECT coalesce(string_agg(format('%s %s %s %s %s', tenant_id, slot, user_id, n, b), ';' ORDER BY tenant_id, slot, user_id), '')
                FROM (SELECT s.tenant_id, date_bin('15 minutes', s.started_at, timestamptz '2000-01-01 00:00+00') AS slot, s.user_id,
                             count(*) AS n, count(s.booking_id) AS b
                      FROM public.conversation_sessions_v2 s WHERE {upToMark} GROUP BY 1, 2, 3) x
                """),
            await fixture.Db.ScalarAsync<string>("""
                SELECT coalesce(string_agg(format('%s %s %s %s %s', tenant_id, slot, client_id, dialogs, bookings), ';' ORDER BY tenant_id, slot, client_id), '')
                FROM dashboard.client_slots
                """));
        // Retention's rollups, counted chunk by chunk, as counted at once from the same dialogs in each salon's counted zone.
        Assert.Equal(
            await fixture.Db.ScalarAsync<string>($"""
                WITH v AS (SELECT s.tenant_id, s.user_id, (s.started_at AT TIME ZONE z.time_zone)::date AS day
                           FROM public.conversation_sessions_v2 s JOIN dashboard.retention_zones z ON z.tenant_id = s.tenant_id
                           WHERE {upToMark} GROUP BY 1, 2, 3),
                g AS (SELECT tenant_id, day, CASE WHEN lag(day) OVER w IS NULL THEN 0 ELSE least(day - lag(day) OVER w, 32) END AS gap FROM v
                      WINDOW w AS (PARTITION BY tenant_id, user_id ORDER BY day))
                SELECT coalesce(string_agg(format('%s %s %s %s', tenant_id, day, gap, n), ';' ORDER BY tenant_id, day, gap), '')
                FROM (SELECT tenant_id, day, gap, count(*) AS n FROM g GROUP BY 1, 2, 3) x
                """) + $" ({when})",
            await fixture.Db.ScalarAsync<string>("""
                SELECT coalesce(string_agg(format('%s %s %s %s', tenant_id, day, gap, clients), ';' ORDER BY tenant_id, day, gap), '')
                FROM dashboard.retention_days WHERE clients <> 0
                """) + $" ({when})");
    }

    private async Task<Dictionary<Guid, TimeZoneInfo>> ZonesAsync()
    {
        var listed = (await fixture.Db.ScalarAsync<string>("SELECT coalesce(string_agg(tenant_id || '=' || time_zone, ','), '') FROM dashboard.tenant_settings"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => Guid.Parse(p[0]), p => p[1]);
        return fixture.Salons.ToDictionary(s => s, s => TimeZoneInfo.FindSystemTimeZoneById(listed.GetValueOrDefault(s, "Europe/Moscow")));
    }

    // Every dialog of the bot's, in its salon's zone of the moment.
    private static string Dialogs(Guid? salon) => $"""
        SELECT s.session_id, s.user_id, s.tenant_id, s.started_at, s.booking_id IS NOT NULL AS booked, z.tz, s.started_at AT TIME ZONE z.tz AS local
        FROM public.conversation_sessions_v2 s
        LEFT JOIN dashboard.tenant_settings t ON t.tenant_id = s.tenant_id
        CROSS JOIN LATERAL (SELECT coalesce(t.time_zone, 'Europe/Moscow') AS tz) z
        WHERE {(salon is null ? "true" : $"s.tenant_id = '{salon}'")}
        """;

    private Task<string> LiveHeatmapAsync(Guid? salon, DateOnly from, DateOnly to) => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(format('%s-%s:%s', w, h, n), ';' ORDER BY w, h), '')
        FROM (SELECT extract(isodow FROM local)::int AS w, extract(hour FROM local)::int AS h, count(*) AS n
              FROM ({Dialogs(salon)}) d WHERE local::date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}' GROUP BY 1, 2) x
        """);

    // Response times by their definition (docs/architecture.md §5), straight from the messages (distinct times in this data).
    private Task<string> LiveResponsesAsync() => fixture.Db.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(format('%s %s %s %s', tenant_id, day, answered, avg_ms), ';' ORDER BY tenant_id::text, day), '')
        FROM (SELECT d.tenant_id, d.local::date AS day, count(*) AS answered,
                     round(sum(extract(epoch FROM (a.at - u.created_at)) * 1000) / count(*))::int AS avg_ms
              FROM ({Dialogs(null)}) d
              JOIN public.recent_history_v2 u ON u.session_id = d.session_id AND u.role = 'user'
              CROSS JOIN LATERAL (SELECT min(h.created_at) AS at FROM public.recent_history_v2 h
                                  WHERE h.session_id = u.session_id AND h.role = 'assistant' AND h.created_at > u.created_at) a
              WHERE a.at IS NOT NULL AND d.local::date BETWEEN '{From:yyyy-MM-dd}' AND '{To:yyyy-MM-dd}'
              GROUP BY 1, 2) x
        """);

    // Retention by its definition (docs/architecture.md §5), straight from the bot's dialogs.
    private Task<string> LiveRetentionAsync(Guid? salon, string group) => fixture.Db.ScalarAsync<string>($"""
        WITH d AS ({Dialogs(salon)}),
        first AS (SELECT user_id, (min(started_at) AT TIME ZONE min(tz))::date AS first_day FROM d GROUP BY user_id),
        periods AS (
          SELECT p.period, count(*) FILTER (WHERE f.first_day >= greatest(p.period, '{From:yyyy-MM-dd}')) AS new,
                 count(*) FILTER (WHERE f.first_day < greatest(p.period, '{From:yyyy-MM-dd}')) AS back
          FROM (SELECT DISTINCT user_id, date_trunc('{group}', local)::date AS period FROM d
                WHERE local::date BETWEEN '{From:yyyy-MM-dd}' AND '{To:yyyy-MM-dd}') p
          JOIN first f USING (user_id) GROUP BY p.period),
        cohort AS (SELECT user_id, date_trunc('month', first_day)::date AS month FROM first
                   WHERE first_day >= '2026-06-01' AND first_day < '2026-10-01'),
        later AS (
          SELECT c.month, o.months, count(*) AS n, count(*) FILTER (WHERE x.booked) AS b
          FROM cohort c
          JOIN (SELECT user_id, date_trunc('month', local)::date AS month, bool_or(booked) AS booked FROM d GROUP BY 1, 2) x USING (user_id)
          CROSS JOIN LATERAL (SELECT ((extract(year FROM x.month) - extract(year FROM c.month)) * 12
                                      + extract(month FROM x.month) - extract(month FROM c.month))::int AS months) o
          WHERE o.months BETWEEN 1 AND 6 GROUP BY 1, 2)
        SELECT concat_ws(' | ',
          (SELECT coalesce(string_agg(format('%s:%s/%s', period, new, back), ';' ORDER BY period), '') FROM periods),
          (SELECT coalesce(string_agg(format('%s:%s', month, count), ';' ORDER BY month), '') FROM (SELECT month, count(*) FROM cohort GROUP BY 1) c),
          (SELECT coalesce(string_agg(format('%s+%s:%s/%s', month, months, n, b), ';' ORDER BY month, months), '') FROM later))
        """);

    private static string Text(RetentionFigures f) => string.Join(" | ",
        string.Join(";", f.Periods.OrderBy(p => p.Period).Select(p => $"{p.Period:yyyy-MM-dd}:{p.New}/{p.Returning}")),
        string.Join(";", f.Cohorts.OrderBy(c => c.Month).Select(c => $"{c.Month:yyyy-MM-dd}:{c.Clients}")),
        string.Join(";", f.Later.OrderBy(l => l.Month).ThenBy(l => l.Offset).Select(l => $"{l.Month:yyyy-MM-dd}+{l.Offset}:{l.WithDialog}/{l.WithBooking}")));
}
