using AgentP.Application.Common.Interfaces;
using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Escalations;
using AgentP.Application.Metrics;
using AgentP.Application.Wishlist;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Data;
using AgentP.TestSupport;
using AgentP.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// The demo data as build/run.sh loads it (build/sql/demo-data.sql, shortened by its variables), its metrics collected and
/// escalations filed, plus a row of every code the pages name (and a few codes nobody named yet) in its first salon:
/// intents, booking statuses, wishlist sources, languages, audit actions, alert kinds. Exact figures are not relied on.
/// </summary>
public sealed class DemoPagesFixture : AppFixture
{
    public const string Password = "Demo-pages-2026";
    public Guid Salon { get; private set; }
    public List<long> CodeSessions { get; } = [];
    public List<Guid> CodeClients { get; } = [];

    /// <summary>Codes without a name: shown readably («Refund request»), never as an empty cell.</summary>
    public static readonly string[] Unnamed = ["refund_request", "waitlisted", "instagram", "xx"];

    protected override async Task SeedAsync()
    {
        // The demo script dates everything from the database's now(): the app's clock follows it.
        var real = DateTimeOffset.UtcNow;
        if (real > App.Clock.GetUtcNow()) App.Clock.SetUtcNow(real);
        await Db.Server.RunScriptAsync(Db.Name, "demo-data.sql", ("days", "21"), ("clients_per_salon", "120"), ("sessions_per_day", "8"));
        Salon = await Db.ScalarAsync<Guid>("SELECT id FROM public.tenants_v2 ORDER BY name, id LIMIT 1");

        var now = App.Clock.GetUtcNow();
        string[] intents = ["booking", "consultation", "complaint", "cancellation", "reschedule", "price_inquiry", "other", "refund_request"];
        string[] bookingStatuses = ["created", "confirmed", "completed", "cancelled", "waitlisted"];
        string[] sources = ["bot", "telegram", "whatsapp", "admin", "instagram"];
        string[] languages = ["ru", "en", "kk", "xx"];
        for (var i = 0; i < languages.Length; i++)
        {
            var client = await Db.Bot.ClientAsync(Salon, $"Кодовая Клиентка {i + 1}", $"+7 900 000-00-0{i}");
            CodeClients.Add(client);
            await Db.ExecuteAsync("""
                INSERT INTO public.user_ltm_v2 (tenant_id, user_id, preferred_staff_id, preferred_time, language, ltm_data)
                VALUES ($1, $2, '101', $3, $4, '{"last_visit_date": "2026-10-01", "avg_visit_interval": 21}')
                """, true, Salon, client, new[] { "morning", "afternoon", "evening", "night" }[i], languages[i]);
        }
        const string meta = """{"sentiment": "neutral", "drop_off_stage": "time_selection", "services_mentioned": ["маникюр"], "staff_name": "Ирина"}""";
        for (var i = 0; i < intents.Length; i++)
        {
            var booked = i < bookingStatuses.Length;
            CodeSessions.Add(await Db.ScalarAsync<long>($"""
                INSERT INTO public.conversation_sessions_v2 (session_id, tenant_id, user_id, channel, started_at, ended_at, final_status, final_intent,
                  booking_id, booking_source, booking_status, booking_amount, booking_currency, meta, summary)
                VALUES (gen_random_uuid(), '{Salon}', '{CodeClients[i % CodeClients.Count]}', '{(i % 2 == 0 ? "telegram" : "whatsapp")}',
                  '{now.AddHours(-30 - i).UtcDateTime:O}', '{now.AddHours(-30 - i).AddMinutes(5).UtcDateTime:O}',
                  '{(intents[i] is "complaint" or "refund_request" ? "escalated" : i % 3 == 1 ? "dropped" : "done")}', '{intents[i]}',
                  {(booked ? $"'YC-CODE-{i}', 'bot', '{bookingStatuses[i]}', 2500, 'RUB'" : "NULL, NULL, NULL, NULL, NULL")},
                  '{meta}',
                  'Кодовый диалог {i}')
                RETURNING id
                """));
        }
        for (var i = 0; i < sources.Length; i++)
            await Db.ExecuteAsync("""
                INSERT INTO public.wishlist_v2 (tenant_id, user_id, item_type, item_id, source, status, meta, created_at, updated_at)
                VALUES ($1, $2, 'service', 'svc-1', $3, $4, '{"service_title": "Маникюр", "staff_name": "Ирина", "time_preference": "evening"}', $5, $5)
                """, true, Salon, CodeClients[i % CodeClients.Count], sources[i], new[] { "pending", "converted", "cancelled", "expired", "pending" }[i],
                now.AddDays(-2).UtcDateTime);

        var admin = await App.CreateUserAsync("admin@demo.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("staff@demo.local", Password, Role.Staff, Salon);
        await App.CreateUserAsync("owner@demo.local", Password, Role.SuperAdmin, null);

        var today = LocalDay.Of(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        await using (var jobs = App.Services.CreateAsyncScope()) // as the jobs run them: from the process itself
        {
            var mediator = jobs.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            await mediator.Send(new CollectDailyMetrics(today.AddDays(-25), today.AddDays(-1)));
            await mediator.Send(new SyncEscalations());
        }
        var pending = await Db.ScalarAsync<long>($"SELECT min(id) FROM public.wishlist_v2 WHERE tenant_id = '{Salon}' AND status = 'pending'");
        await App.SendAs(new TestUser(admin, Role.Admin, Salon), new DecideWishlistItems([pending], "contacted", "Позвонили"));

        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem(); // seeding across salons, as a job would
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        foreach (var action in Labels.AuditActionCodes.Append("impersonate"))
            db.Audits.Add(new AuditEntry
            {
                UserId = admin, TenantId = Salon, Action = action, Description = "Запись для проверки названий", IpAddress = "198.51.100.1",
                UserAgent = "Mozilla/5.0", CreatedAt = now.AddMinutes(-5), UpdatedAt = now.AddMinutes(-5),
            });
        var day = today; // a day the collector has not evaluated (it stops at yesterday): no clash with the demo's own alerts
        foreach (var kind in Enum.GetValues<AlertKind>())
            db.Alerts.Add(new Alert
            {
                TenantId = Salon, Kind = kind, Day = day, Severity = kind == AlertKind.ErrorSpike ? AlertSeverity.Critical : AlertSeverity.Warning,
                Threshold = 15, Actual = 40, Description = "Проверка названий", TriggeredAt = now, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync();
    }
}

/// <summary>Every page of the demo, as a salon admin and as the platform owner, shows names — never a code the dashboard has a name for.</summary>
public sealed partial class RawCodeTests(DemoPagesFixture fixture) : IClassFixture<DemoPagesFixture>
{
    private static readonly string[] Pages =
    [
        "/", "/?range=7d", "/?range=30d", "/sessions", "/sessions?status=escalated", "/wishlist", "/wishlist?status=all", "/clients",
        "/clients?due=1", "/alerts?state=all", "/escalations?state=all", "/audit", "/users", "/settings", "/account/password",
    ];

    [Fact]
    public async Task No_page_of_the_demo_shows_a_known_code_as_a_salon_admin()
    {
        using var client = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        var failures = await WalkAsync(client, Pages);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task No_page_of_the_demo_shows_a_known_code_as_the_platform_owner_for_all_salons_and_for_one()
    {
        using var client = await fixture.App.SignedInAsync("owner@demo.local", DemoPagesFixture.Password);
        var failures = await WalkAsync(client, [.. Pages.Where(p => p != "/settings"), "/platform"]);
        using (var chosen = await client.PostAsync("/switch-tenant", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["tenantId"] = fixture.Salon.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/"),
               })))
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        failures.AddRange(await WalkAsync(client, ["/", "/settings", "/users", "/audit", "/escalations?state=all"]));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_code_nobody_named_yet_shows_readably_not_as_an_empty_cell()
    {
        using var client = await fixture.App.SignedInAsync("admin@demo.local", DemoPagesFixture.Password);
        var intents = await TextAsync(client, $"/sessions/{fixture.CodeSessions[^1]}");
        Assert.Contains("Refund request", intents);
        Assert.Contains("Waitlisted", await TextAsync(client, $"/sessions/{fixture.CodeSessions[4]}"));
        Assert.Contains("Instagram", await TextAsync(client, "/wishlist?status=all"));
        Assert.Contains("Impersonate", await TextAsync(client, "/audit"));
        Assert.Contains("XX", await TextAsync(client, $"/clients/{fixture.CodeClients[3]}"));
    }

    [Fact]
    public void Every_known_code_has_a_name_that_is_not_the_code()
    {
        // The list the walk checks against is not empty and holds the codes the issue names.
        foreach (var code in new[] { "booking", "consultation", "complaint", "created", "telegram", "bot", "ru", "login", "create_user", "low_conversion", "super_admin" })
            Assert.Contains(code, Labels.KnownCodes);
        Assert.Equal("Консультация", Labels.Intent("consultation"));
        Assert.Equal("Создана", Labels.BookingStatus("created"));
        Assert.Equal("Бот", Labels.WishlistSource("bot"));
        Assert.Equal("Русский", Labels.Language("ru"));
        Assert.Equal("Новый пользователь", Labels.AuditAction("create_user"));
        Assert.Equal("Жалоба", Labels.EscalationReason("complaint"));
        Assert.Equal("Клиент просит перезвонить", Labels.EscalationReason("Клиент просит перезвонить"));
    }

    private async Task<List<string>> WalkAsync(HttpClient client, IEnumerable<string> pages)
    {
        var failures = new List<string>();
        var queue = new List<string>(pages);
        // The detail pages of a few rows of each list, and of the rows made with every code.
        queue.AddRange(fixture.CodeSessions.Select(id => $"/sessions/{id}"));
        queue.AddRange(fixture.CodeClients.Select(id => $"/clients/{id}"));
        var sessions = await client.GetStringAsync("/sessions");
        queue.AddRange(SessionLink().Matches(sessions).Select(m => m.Value).Distinct().Take(4));
        var clients = await client.GetStringAsync("/clients");
        queue.AddRange(ClientLink().Matches(clients).Select(m => m.Value).Distinct().Take(4));
        var escalations = await client.GetStringAsync("/escalations?state=all");
        queue.AddRange(SessionLink().Matches(escalations).Select(m => m.Value).Distinct().Take(3));

        foreach (var page in queue.Distinct())
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{page}: {(int)response.StatusCode}");
                continue;
            }
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            foreach (var code in Labels.KnownCodes)
                foreach (Match m in new Regex($@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(code)}(?![\p{{L}}\p{{N}}_])").Matches(text))
                    failures.Add($"{page}: «{code}» in …{text[Math.Max(0, m.Index - 40)..Math.Min(text.Length, m.Index + code.Length + 40)]}…");
        }
        return failures;
    }

    private static async Task<string> TextAsync(HttpClient client, string page) => VisibleText(await client.GetStringAsync(page));

    /// <summary>What a reader sees: no scripts, styles, tags or attributes; entities decoded; e-mail addresses (not codes) left out.</summary>
    private static string VisibleText(string html)
    {
        var text = Hidden().Replace(html, " ");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = Email().Replace(text, " ");
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex(@"<(script|style|template)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase)] private static partial Regex Hidden();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"\S+@\S+\.\S+")] private static partial Regex Email();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"/sessions/\d+")] private static partial Regex SessionLink();
    [GeneratedRegex(@"/clients/[0-9a-f]{8}-[0-9a-f-]{27}")] private static partial Regex ClientLink();
}
