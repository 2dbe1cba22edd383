using System.Text.RegularExpressions;
using AgentP.Application.Notifications;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Escalations on time (issue 24). Clock 2026-11-23 09:00 UTC. Salon «Срок» answers within 15 minutes: case 1 waits since
/// 08:40 (20 min: late), case 2 since 08:50 (10 min: not yet); resolved yesterday, case 3 after 10 minutes (on time) and case 4
/// after 30 (late). Salon «Без срока» set no target: its case waiting for an hour gets no message. Salon «Чужой» (another
/// admin) has a target and a case resolved on time, which salon «Срок» must not count.
/// </summary>
public sealed class AnswerTargetFixture : AppFixture
{
    public const string Password = "Answer-target-2026";
    public FakeTelegram Telegram { get; private set; } = null!;
    public Guid Salon { get; private set; }
    public Guid NoTarget { get; private set; }
    public Guid Other { get; private set; }
    public long LateCase { get; private set; }

    protected override async Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
    {
        Telegram = await FakeTelegram.StartAsync();
        return new Dictionary<string, string> { ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl, ["Telegram:MaxAttempts"] = "2", ["Telegram:MaxDelay"] = "00:00:00.2" };
    }

    protected override async Task SeedAsync()
    {
        const string bot = """{"telegram_bot_token": "7:SLA", "admin_chat_id": "-1002"}""";
        Salon = await Db.Bot.TenantAsync("Срок", bot);
        NoTarget = await Db.Bot.TenantAsync("Без срока", bot);
        Other = await Db.Bot.TenantAsync("Чужой", bot);
        foreach (var (salon, minutes) in new[] { (Salon, (int?)15), (NoTarget, null), (Other, 15) })
            await Db.ExecuteAsync("""
                INSERT INTO dashboard.tenant_settings (tenant_id, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs,
                  digest_enabled, escalation_answer_minutes, updated_at) VALUES ($1, 15, 50, 20, 5, $3, $2, now())
                """, true, salon, minutes, salon == Salon);
        LateCase = await CaseAsync(Salon, "2026-11-23 08:40Z");
        await CaseAsync(Salon, "2026-11-23 08:50Z");
        await CaseAsync(Salon, "2026-11-22 10:00Z", "2026-11-22 10:10Z");
        await CaseAsync(Salon, "2026-11-22 11:00Z", "2026-11-22 11:30Z");
        await CaseAsync(NoTarget, "2026-11-23 08:00Z");
        await CaseAsync(Other, "2026-11-22 10:00Z", "2026-11-22 10:05Z");
        await App.CreateUserAsync("admin@sla.local", Password, Role.Admin, Salon);
        // Yesterday's row, so the salon's digest goes out (with the share answered on time).
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AgentP.Application.Metrics.CollectDailyMetrics(new(2026, 11, 22), new(2026, 11, 22)));
    }

    private Task<long> CaseAsync(Guid salon, string waitingSince, string? closedAt = null) => Db.ScalarAsync<long>($"""
        INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, waiting_since, reopen_count, closed_at, created_at, updated_at)
        VALUES ('{salon}', '{Guid.NewGuid()}', '{(closedAt is null ? "active" : "resolved")}', true, '{waitingSince}', '{waitingSince}', 0,
                {(closedAt is null ? "NULL" : $"'{closedAt}'")}, now(), now()) RETURNING id
        """);

    public async Task<NotificationsSent> SendAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendNotifications());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}

public sealed class AnswerTargetTests(AnswerTargetFixture fixture) : IClassFixture<AnswerTargetFixture>
{
    [Fact]
    public async Task A_case_past_the_target_is_sent_once_even_by_two_runs_at_once_and_never_again()
    {
        // Telegram answers slowly, so both runs have read the late case before either has marked it sent.
        for (var i = 0; i < 5; i++) fixture.Telegram.Then(200, """{"ok":true,"result":{}}""", TimeSpan.FromMilliseconds(300));
        var runs = await Task.WhenAll(fixture.SendAsync(), fixture.SendAsync());
        var third = await fixture.SendAsync();

        var texts = fixture.Telegram.Requests.Select(r => r.Body.GetProperty("text").GetString()!).Where(t => t.StartsWith("⏰", StringComparison.Ordinal)).ToList();
        var late = Assert.Single(texts);
        Assert.Contains("<b>Срок</b>: клиент ждёт ответа администратора 20 мин (цель — ответить за 15 мин)", late);
        Assert.Equal(1, runs.Sum(r => r.LateEscalations));
        // Yesterday's digest: case 3 on time, case 4 late (and «Чужой»'s not counted).
        Assert.Contains(fixture.Telegram.Requests.Select(r => r.Body.GetProperty("text").GetString()!),
            t => t.StartsWith("📊 <b>Срок</b>", StringComparison.Ordinal) && t.Contains("Ответили в срок: 50,0 % (1 из 2)"));
        Assert.Equal(0, third.LateEscalations);
        Assert.Equal($"{fixture.LateCase}", await fixture.Db.ScalarAsync<string>(
            "SELECT string_agg(case_id::text, ',') FROM dashboard.escalation_sla_notices WHERE sent_at IS NOT NULL AND claimed_at IS NULL"));
    }

    [Fact]
    public async Task The_escalations_page_shows_the_share_answered_on_time_of_the_salons_own_cases()
    {
        using var client = await fixture.App.SignedInAsync("admin@sla.local", AnswerTargetFixture.Password);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/escalations"));

        // Case 3 on time, case 4 late: 50 %; «Чужой»'s case on time is not the salon's.
        Assert.Matches(new Regex("data-testid=\"escalations-on-time\">Ответили в срок за 30 дней: 50,0\u00A0% \\(1 из 2 закрытых обращений\\)\\."), html);
    }
}
