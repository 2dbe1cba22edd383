using AgentP.Application.Metrics;
using AgentP.Application.Notifications;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>The Bot API client against a local fake Telegram over real HTTP: retries, back-off, timeouts, no token in logs.</summary>
public sealed class TelegramClientTests : IAsyncLifetime
{
    private const string Token = "42:SECRET-TOKEN";
    private FakeTelegram _fake = null!;
    private readonly CapturingLogs _logs = new();
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _fake = await FakeTelegram.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    /// <summary>The client as the app registers it: its retries live in the HTTP client's pipeline.</summary>
    private ITelegram Client(TimeSpan? timeout = null)
    {
        _services = RemoteApiServices.Build(new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = _fake.BaseUrl, ["Telegram:MaxAttempts"] = "3", ["Telegram:MaxDelay"] = "00:00:01.5",
            ["Telegram:Timeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString(),
        }, _logs);
        return _services.GetRequiredService<ITelegram>();
    }

    [Fact]
    public async Task A_message_goes_out_as_html_to_the_bots_endpoint()
    {
        var result = await Client().SendMessageAsync(Token, "-100500", "<b>Салон</b> &lt;script&gt;", CancellationToken.None);
        Assert.True(result.Delivered);
        var (token, body) = Assert.Single(_fake.Requests);
        Assert.Equal(Token, token);
        Assert.Equal("-100500", body.GetProperty("chat_id").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString());
        Assert.Equal("<b>Салон</b> &lt;script&gt;", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_time_telegram_asks_for()
    {
        _fake.Then(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
        var started = DateTimeOffset.UtcNow;
        var result = await Client().SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.True(result.Delivered);
        Assert.Equal(2, _fake.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_wait_longer_than_the_longest_wait_is_cut_to_it()
    {
        _fake.Then(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 30","parameters":{"retry_after":30}}""");
        var started = DateTimeOffset.UtcNow;
        var result = await Client().SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.True(result.Delivered);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_reported()
    {
        for (var i = 0; i < 3; i++) _fake.Then(502, "bad gateway");
        var result = await Client().SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.False(result.Delivered);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Contains("502", result.Error);
        var logs = string.Join("\n", _logs.Lines);
        Assert.DoesNotContain("SECRET", logs);
        Assert.DoesNotContain(_fake.BaseUrl, logs);
        Assert.DoesNotContain("SECRET", result.Error);
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        _fake.Then(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");
        var result = await Client().SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.False(result.Delivered);
        Assert.Single(_fake.Requests);
        Assert.Contains("chat not found", result.Error);
    }

    [Fact]
    public async Task A_hanging_server_times_out()
    {
        for (var i = 0; i < 3; i++) _fake.Then(200, """{"ok":true}""", TimeSpan.FromSeconds(5));
        var result = await Client(TimeSpan.FromMilliseconds(300)).SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.False(result.Delivered);
        Assert.Contains("вовремя", result.Error);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_tried_again()
    {
        _fake.Then(200, """{"ok":true,"result":{}}""", TimeSpan.FromSeconds(5));
        var result = await Client(TimeSpan.FromMilliseconds(300)).SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.True(result.Delivered);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task An_answer_that_stalls_midway_counts_against_the_attempts_time_limit()
    {
        _fake.Then(200, """{"ok":true,"result":{}}""", TimeSpan.FromSeconds(5), stallBody: true);
        var result = await Client(TimeSpan.FromMilliseconds(300)).SendMessageAsync(Token, "1", "x", CancellationToken.None);
        Assert.True(result.Delivered);
        Assert.Equal(2, _fake.Requests.Count);
    }
}

public sealed class NotificationsFixture : AppFixture
{
    public FakeTelegram Telegram { get; private set; } = null!;
    public Guid Loud { get; private set; }
    public Guid Silent { get; private set; }

    protected override async Task<IReadOnlyDictionary<string, string>?> SettingsAsync()
    {
        Telegram = await FakeTelegram.StartAsync();
        return new Dictionary<string, string> { ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl, ["Telegram:MaxAttempts"] = "2", ["Telegram:MaxDelay"] = "00:00:00.2" };
    }

    protected override async Task SeedAsync()
    {
        Loud = await Db.Bot.TenantAsync("Салон <Громкий> & Co", """{"telegram_bot_token": "7:LOUD", "admin_chat_id": "-1001"}""");
        Silent = await Db.Bot.TenantAsync("Салон без бота");
        var loud = await Db.Bot.ClientAsync(Loud);
        var silent = await Db.Bot.ClientAsync(Silent);
        // Yesterday (the 22nd, Moscow): 5 dropped dialogs at each salon — every rate alarms; a week before, 10 dialogs.
        for (var i = 0; i < 5; i++)
        {
            await Db.Bot.SessionAsync(Loud, loud, new DateTimeOffset(2026, 11, 22, 9, i, 0, TimeSpan.Zero), status: "dropped");
            await Db.Bot.SessionAsync(Silent, silent, new DateTimeOffset(2026, 11, 22, 9, i, 0, TimeSpan.Zero), status: "dropped");
        }
        for (var i = 0; i < 10; i++) await Db.Bot.SessionAsync(Loud, loud, new DateTimeOffset(2026, 11, 15, 9, i, 0, TimeSpan.Zero));
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 15), new(2026, 11, 22)));
    }

    /// <summary>One run of the notifications, as the hourly job sends it.</summary>
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

/// <summary>Alerts and the daily digest go out once per alert / salon-day, only after Telegram said ok (one story: it is stateful).</summary>
public sealed class NotificationsTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task Each_alert_and_digest_is_sent_once_and_a_failure_is_retried_on_the_next_run()
    {
        // First run: Telegram is down for the first message (two attempts), fine afterwards.
        fixture.Telegram.Then(500, "oops");
        fixture.Telegram.Then(500, "oops");
        var first = await fixture.SendAsync();
        Assert.Equal(3, first.Failed); // the one Telegram refused, and the two alerts of the salon without a bot
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Loud}' AND notification_sent_at IS NULL AND notification_note LIKE '%500%'"));
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Loud}' AND day = '2026-11-22' AND digest_sent_at IS NOT NULL"));

        var second = await fixture.SendAsync();
        Assert.Equal((1, 0), (second.Alerts, second.Digests)); // only the undelivered one
        var third = await fixture.SendAsync();
        Assert.Equal((0, 0), (third.Alerts, third.Digests));

        var texts = fixture.Telegram.Requests.Select(r => r.Body.GetProperty("text").GetString()!).ToList();
        Assert.All(fixture.Telegram.Requests, r => Assert.Equal("7:LOUD", r.Token));
        Assert.Contains(texts, t => t.StartsWith("📊 <b>Салон &lt;Громкий&gt; &amp; Co</b>: итоги за 22 ноября", StringComparison.Ordinal)
            && t.Contains("Диалогов: 5 (-50 % к прошлой неделе)"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Loud}' AND notification_sent_at IS NULL AND day >= '2026-11-20'"));
        // The alert of the 15th came from a backfill: not sent, with a note saying why.
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Loud}' AND day = '2026-11-15' AND notification_sent_at IS NULL AND notification_note LIKE '%догрузке%'"));

        // The salon without a bot: a visible note on its alerts, nothing sent.
        Assert.DoesNotContain(texts, t => t.Contains("без бота"));
        Assert.Equal(2L, await fixture.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Silent}' AND notification_sent_at IS NULL AND notification_note LIKE '%нет токена%'"));
    }
}

/// <summary>Two runs at once (two instances, or a job and its overlap): each message is claimed before it is sent.</summary>
public sealed class ConcurrentNotificationsTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task Two_runs_at_once_send_each_alert_and_digest_once()
    {
        // Telegram answers slowly, so both runs have read the same pending messages before either has marked one sent.
        for (var i = 0; i < 20; i++) fixture.Telegram.Then(200, """{"ok":true,"result":{}}""", TimeSpan.FromMilliseconds(300));
        var runs = await Task.WhenAll(fixture.SendAsync(), fixture.SendAsync());

        var texts = fixture.Telegram.Requests.Select(r => r.Body.GetProperty("text").GetString()!).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Equal(texts.Count, runs.Sum(r => r.Alerts + r.Digests));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>(
            $"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Loud}' AND notification_sent_at IS NULL AND day >= '2026-11-20'"));
    }
}
