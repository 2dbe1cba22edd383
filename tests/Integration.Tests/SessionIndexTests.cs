using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Dialogs;
using AgentP.Application.Sessions;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// The drill-down salons (three zones: Moscow, Vladivostok, Los Angeles) with searchable dialogs and a fourth salon with
/// more dialogs than a short search's window, indexed up to a dialog still being written when the index ran (it and the
/// settled one after it stay in the live tail), then more dialogs after the run.
/// </summary>
public sealed class SessionIndexFixture : DrillDownFixture
{
    public Guid SalonD { get; private set; }
    public long Mark { get; private set; }
    public long MaxId { get; private set; }

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var olga = await Db.Bot.ClientAsync(SalonA, "Ольга 100%_скидка", "+7 (912) 345-67-89");
        var maria = await Db.Bot.ClientAsync(SalonB, "Мария Кузнецова", "8 914 555 12 34");
        var alien = await Db.Bot.ClientAsync(SalonC, "Эсмеральда", "+1 415-555-0199");
        var a1 = await Db.Bot.SessionAsync(SalonA, olga, at, intent: "booking", summary: "Записалась на окрашивание");
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET summary = 'Спросила про ламинирование ресниц' WHERE id = $1", true, a1);
        await Db.Bot.SessionAsync(SalonB, maria, at.AddHours(1), intent: "booking", summary: "Уточнила цену ламинирования");
        await Db.Bot.SessionAsync(SalonC, alien, at.AddHours(2), summary: "Секретное слово изумруд");

        // A salon with more dialogs than a short search reads at once; only the oldest one's client has "_" in the name.
        SalonD = await Db.Bot.TenantAsync("Салон «Окно»");
        var window = await Db.Bot.ClientAsync(SalonD, "Окно", null);
        var oldest = await Db.Bot.ClientAsync(SalonD, "Ю_Ю", null);
        await Db.Bot.SessionAsync(SalonD, oldest, at.AddDays(-3));
        await Db.ExecuteAsync($"""
            INSERT INTO public.conversation_sessions_v2 (session_id, tenant_id, user_id, channel, started_at, final_status, meta)
            SELECT gen_random_uuid(), '{SalonD}', '{window}', 'telegram', timestamptz '2026-11-18 00:00Z' + n * interval '1 minute', 'done', {"'{}'"}
            FROM generate_series(1, {SessionQueries.ShortQueryWindow + 100}) n
            """);

        // Every dialog so far is settled; then one still being written when the index runs, and a settled one after it:
        // both stay in the live tail (the index stops at the first young dialog).
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.Bot.SessionAsync(SalonB, maria, at.AddHours(3), bookingId: "YC-young", amount: 2500, summary: "Ещё пишется: ламинирование");
        var settled = await Db.Bot.SessionAsync(SalonC, alien, at.AddHours(4), metaJson: """{"sentiment": "negative", "drop_off_stage": "staff_selection"}""");
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour' WHERE id = $1", true, settled);
        await using (var scope = App.Services.CreateAsyncScope())
            Mark = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs())).IndexedUpTo;

        // After the run: the live tail grows.
        await Db.Bot.SessionAsync(SalonA, olga, at.AddDays(1), status: "dropped", summary: "Снова про ламинирование");
        await Db.Bot.SessionAsync(SalonB, maria, at.AddDays(1), channel: "whatsapp", metaJson: """{"sentiment": "negative", "staff_name": "Анна"}""");
        MaxId = await Db.ScalarAsync<long>("SELECT max(id) FROM public.conversation_sessions_v2");
        await App.CreateUserAsync("admin-d@drill.local", Password, Role.Admin, SalonD);
    }
}

/// <summary>
/// The sessions list from the dialog index (docs/architecture.md, "Sessions list and search"): every filter, its count and
/// the search agree with the bot's own rows — the indexed ones and the live tail above the mark, in three zones — search
/// keeps its literal meaning, a short search walks a bounded window uncounted, and no salon finds another's dialogs.
/// </summary>
public sealed partial class SessionIndexTests(SessionIndexFixture fixture) : IClassFixture<SessionIndexFixture>
{
    private const string Range = "from=2026-11-14&to=2026-11-23";

    public static TheoryData<string, string, string> Filters()
    {
        var data = new TheoryData<string, string, string>();
        var filters = new (string Query, string Sql)[]
        {
            ("", "true"),
            ("status=dropped", "s.final_status = 'dropped'"),
            ("channel=whatsapp", "s.channel = 'whatsapp'"),
            ("booked=yes", "s.booking_id IS NOT NULL"),
            ("booked=no", "s.booking_id IS NULL"),
            ("intent=booking", "s.final_intent = 'booking'"),
            ("sentiment=negative", "s.meta->>'sentiment' = 'negative'"),
            ("stage=time_selection", "s.meta->>'drop_off_stage' = 'time_selection'"),
            ("stage=past_staff_selection", "coalesce(s.meta->>'drop_off_stage', '') NOT IN ('service_selection', 'staff_selection')"),
            ("service=" + Uri.EscapeDataString("стрижка & укладка"), "s.meta->'services_mentioned' ? 'стрижка & укладка'"),
            ("staff=" + Uri.EscapeDataString("Анна"), "coalesce(s.meta->>'staff_name', s.meta->>'staff_id') = 'Анна'"),
            ("staff=102", "coalesce(s.meta->>'staff_name', s.meta->>'staff_id') = '102'"),
            ("escalated=yes", "s.final_status = 'escalated'"),
            ("escalated=no", "s.final_status <> 'escalated'"),
            ("attended=yes", "s.booking_id IS NOT NULL AND EXISTS (SELECT 1 FROM dashboard.bookings b WHERE b.session_id = s.id AND b.yclients_attendance = 1)"),
            ("attended=no", "s.booking_id IS NOT NULL AND EXISTS (SELECT 1 FROM dashboard.bookings b WHERE b.session_id = s.id AND b.yclients_attendance = 0)"),
            ("q=" + Uri.EscapeDataString("ЛАМИНИР"), Search("%ламинир%", null)),
            ("q=" + Uri.EscapeDataString("100%_"), Search(@"%100\%\_%", "%100%")),
            ("q=" + Uri.EscapeDataString("+7 (912) 345"), Search("%+7 (912) 345%", "%7912345%")),
            ("q=" + Uri.EscapeDataString("914-555"), Search("%914-555%", "%914555%")),
            ("q=" + Uri.EscapeDataString("Смирнова"), Search("%смирнова%", null)),
            ("q=" + Uri.EscapeDataString("изумруд"), Search("%изумруд%", null)),
            ("status=done&booked=yes&q=" + Uri.EscapeDataString("Петрова"), "s.final_status = 'done' AND s.booking_id IS NOT NULL AND " + Search("%петрова%", null)),
        };
        foreach (var user in new[] { "admin-a@drill.local", "admin-b@drill.local", "admin-c@drill.local", "root@drill.local" })
            foreach (var (query, sql) in filters)
                data.Add(user, query, sql);
        return data;
    }

    private static string Search(string pattern, string? digits) => $"""
        (s.summary ILIKE '{pattern}' OR s.final_summary ILIKE '{pattern}' OR c.full_name ILIKE '{pattern}'
         {(digits is null ? "" : $"OR regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') LIKE '{digits}'")})
        """;

    [Fact]
    public void The_data_has_indexed_dialogs_a_live_tail_and_one_written_during_indexing()
    {
        Assert.True(fixture.Mark > 0);
        Assert.Equal(4, fixture.MaxId - fixture.Mark);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_list_and_its_count_are_the_bot_rows_of_the_filter(string user, string query, string sql)
    {
        using var client = await fixture.App.SignedInAsync(user, DrillDownFixture.Password);
        var salon = user switch
        {
            "admin-a@drill.local" => $"'{fixture.SalonA}'", "admin-b@drill.local" => $"'{fixture.SalonB}'", "admin-c@drill.local" => $"'{fixture.SalonC}'",
            _ => "s.tenant_id",
        };
        var expected = await fixture.Db.ScalarAsync<long[]>($"""
            SELECT coalesce(array_agg(s.id ORDER BY s.id), {"'{}'"})
            FROM public.conversation_sessions_v2 s
            LEFT JOIN public.clients_v2 c ON c.id = s.user_id
            LEFT JOIN dashboard.tenant_settings t ON t.tenant_id = s.tenant_id
            WHERE s.tenant_id = {salon}
              AND s.started_at >= ('2026-11-14'::date::timestamp AT TIME ZONE coalesce(t.time_zone, 'Europe/Moscow'))
              AND s.started_at < ('2026-11-24'::date::timestamp AT TIME ZONE coalesce(t.time_zone, 'Europe/Moscow'))
              AND ({sql})
            """);
        var (ids, count) = await WalkAsync(client, $"/sessions?{Range}&{query}");
        Assert.Equal(expected.Length, count);
        Assert.Equal(expected, ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_list_filters_and_searches_the_index_the_dashboard_owns_not_the_bots_history()
    {
        // A value only the index holds (the bot's row says otherwise): found only if the list reads the index.
        var id = await fixture.Db.ScalarAsync<long>($"SELECT min(session_id) FROM dashboard.dialog_facts WHERE tenant_id = '{fixture.SalonA}'");
        await fixture.Db.ExecuteAsync("UPDATE dashboard.dialog_facts SET summary = 'индексноеслово', intent = 'индексный' WHERE session_id = $1", true, id);
        using var client = await fixture.App.SignedInAsync("admin-a@drill.local", DrillDownFixture.Password);
        Assert.Equal([id], (await WalkAsync(client, "/sessions?q=" + Uri.EscapeDataString("ИНДЕКСНОЕ"))).Ids);
        Assert.Equal([id], (await WalkAsync(client, "/sessions?intent=" + Uri.EscapeDataString("индексный"))).Ids);
    }

    [Fact]
    public async Task Search_counts_the_live_tail_above_the_mark_too()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@drill.local", DrillDownFixture.Password);
        var (ids, count) = await WalkAsync(client, $"/sessions?{Range}&q=" + Uri.EscapeDataString("ламинирование"));
        Assert.Equal(2, count);
        Assert.Contains(ids, id => id > fixture.Mark);
        Assert.Contains(ids, id => id <= fixture.Mark);
    }

    [Fact]
    public async Task A_short_search_is_not_counted_and_says_so()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@drill.local", DrillDownFixture.Password);
        var html = await client.GetStringAsync($"/sessions?{Range}&q=_");
        Assert.Contains("data-testid=\"sessions-short-query\"", html);
        Assert.DoesNotContain("data-testid=\"sessions-count\"", html);
        Assert.Contains("Короткий запрос", html);
        Assert.Equal(2, SessionLink().Matches(html).Count); // Ольга 100%_скидка: one indexed dialog, one live
    }

    [Fact]
    public async Task A_short_search_walks_window_by_window_to_an_old_match()
    {
        using var client = await fixture.App.SignedInAsync("admin-d@drill.local", DrillDownFixture.Password);
        var first = await client.GetStringAsync("/sessions?q=_");
        Assert.Empty(SessionLink().Matches(first)); // the newest window holds no "_"
        Assert.Contains("data-testid=\"sessions-empty\"", first);
        var next = NextLink().Match(first);
        Assert.True(next.Success, "a full window links to the next one");
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Single(SessionLink().Matches(second));
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    [Fact]
    public async Task A_salon_admin_never_finds_another_salons_dialog_or_client_by_search_with_its_cache_warm()
    {
        foreach (var email in new[] { "admin-c@drill.local", "root@drill.local" })
        {
            using var warm = await fixture.App.SignedInAsync(email, DrillDownFixture.Password);
            Assert.Single(SessionLink().Matches(await warm.GetStringAsync($"/sessions?{Range}&q=" + Uri.EscapeDataString("изумруд"))));
            Assert.Single(ClientsTestsBase.ClientLink().Matches(await warm.GetStringAsync("/clients?q=" + Uri.EscapeDataString("Эсмеральда"))));
            Assert.Single(ClientsTestsBase.ClientLink().Matches(await warm.GetStringAsync("/clients?q=" + Uri.EscapeDataString("415-555"))));
        }
        using var client = await fixture.App.SignedInAsync("admin-a@drill.local", DrillDownFixture.Password);
        var (ids, count) = await WalkAsync(client, $"/sessions?{Range}&q=" + Uri.EscapeDataString("изумруд"));
        Assert.Empty(ids);
        Assert.Equal(0, count);
        Assert.Empty(SessionLink().Matches(await client.GetStringAsync("/sessions?q=" + Uri.EscapeDataString("Эсмеральда"))));
        Assert.Empty(ClientsTestsBase.ClientLink().Matches(await client.GetStringAsync("/clients?q=" + Uri.EscapeDataString("Эсмеральда"))));
        Assert.Empty(ClientsTestsBase.ClientLink().Matches(await client.GetStringAsync("/clients?q=" + Uri.EscapeDataString("415-555"))));
    }

    /// <summary>Every dialog id of the list, page by page, and its count.</summary>
    private static async Task<(List<long> Ids, long? Count)> WalkAsync(HttpClient client, string href)
    {
        var ids = new List<long>();
        long? count = null;
        for (var pages = 0; href is not null && pages < 100; pages++)
        {
            using var response = await client.GetAsync(href);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {(int)response.StatusCode}");
            if (count is null && CountMark().Match(html) is { Success: true } m) count = long.Parse(m.Groups[1].Value);
            ids.AddRange(SessionLink().Matches(html).Select(x => long.Parse(x.Groups[1].Value)));
            var next = NextLink().Match(html);
            href = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null!;
        }
        return (ids, count ?? 0);
    }

    [GeneratedRegex("href=\"/sessions/(\\d+)\" data-testid=\"session-link\"")]
    private static partial Regex SessionLink();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("data-testid=\"sessions-count\" data-count=\"(\\d+)\"")]
    private static partial Regex CountMark();
}
