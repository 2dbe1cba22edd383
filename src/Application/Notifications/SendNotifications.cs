using AgentP.Application.Common.Security;
using System.Globalization;
using System.Net;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Escalations;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Notifications;

/// <summary>
/// What the hourly job does after collecting: sends each new alert of the last two closed days and the daily digest
/// to the salon's Telegram admin chat, through the salon's own bot. Each message is first claimed (one conditional
/// UPDATE: of two runs at once, on one instance or two, only one gets it), then sent, then marked: <c>notification_sent_at</c>
/// / <c>digest_sent_at</c> are set only after Telegram said ok, and the claim is released either way. A delivered message
/// is never sent again, an undelivered one is retried on the next run. What remains: a crash between Telegram's ok and
/// the mark leaves the claim, and the message is sent again once the claim is <see cref="ClaimTimeout"/> old (at least
/// once, never twice by two live runs). The CLI's backfills never call this.
/// </summary>
public sealed record SendNotifications : IRequest<NotificationsSent>, ISystemRequest
{
    /// <summary>Longer than one message can take with every retry; a claim older than this was left by a run that died.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);
}

public sealed record NotificationsSent(int Alerts, int Digests, int Failed, int LateEscalations = 0);

public sealed class SendNotificationsHandler(IDashboardDb db, IPublicData bot, ITelegram telegram, TenantTimeZones zones, DashboardMetrics metrics,
    IEscalationSlaClaims slaClaims, AnswerTargets answerTargets, TimeProvider clock) : IRequestHandler<SendNotifications, NotificationsSent>
{
    public async Task<NotificationsSent> Handle(SendNotifications request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenants = await bot.Tenants.Where(t => t.IsActive).ToDictionaryAsync(t => t.Id, cancellationToken);
        var settings = await db.TenantSettings.ToDictionaryAsync(s => s.TenantId, cancellationToken);
        int alerts = 0, digests = 0, failed = 0;

        // Alerts of older days come from backfills and catch-up: news about them would be noise, so they get a note instead.
        var oldest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3);
        await db.Alerts.Where(a => a.NotificationSentAt == null && a.NotificationNote == null && a.Day < oldest)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NotificationNote, "Не отправлен в Telegram: алерт за прошедший день, найден при догрузке истории."),
                cancellationToken);
        var pending = await db.Alerts.AsNoTracking()
            .Where(a => a.NotificationSentAt == null && a.Day >= oldest).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var alert in pending)
        {
            if (!tenants.TryGetValue(alert.TenantId, out var salon)) continue;
            var stale = clock.GetUtcNow() - SendNotifications.ClaimTimeout;
            var claimed = await db.Alerts
                .Where(a => a.Id == alert.Id && a.NotificationSentAt == null && (a.NotificationClaimedAt == null || a.NotificationClaimedAt < stale))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.NotificationClaimedAt, clock.GetUtcNow()), cancellationToken);
            if (claimed == 0) continue; // another run has it
            var (ok, note) = await SendAsync(salon, settings.GetValueOrDefault(alert.TenantId), AlertText(salon, alert), cancellationToken);
            metrics.Notification("alert", ok);
            // Per message, whatever the outcome: an ok is never lost to a later failure. Not cancelled: a message Telegram
            // took must be marked even when the run is being stopped.
            var at = clock.GetUtcNow();
            await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.NotificationSentAt, a => ok ? at : a.NotificationSentAt)
                .SetProperty(a => a.NotificationNote, ok ? null : note)
                .SetProperty(a => a.NotificationClaimedAt, (DateTimeOffset?)null)
                .SetProperty(a => a.UpdatedAt, at), CancellationToken.None);
            if (ok) alerts++; else failed++;
        }

        // Answer targets (issue 24): each waiting case past its salon's target gets one message, claimed like an alert.
        var late = 0;
        var targets = settings.Values.Where(s => s.EscalationAnswerMinutes is > 0 && tenants.ContainsKey(s.TenantId))
            .ToDictionary(s => s.TenantId, s => s.EscalationAnswerMinutes!.Value);
        if (targets.Count > 0)
        {
            var salonsWithTarget = targets.Keys.ToList();
            var waiting = await db.EscalationCases.AsNoTracking()
                .Where(c => salonsWithTarget.Contains(c.TenantId) && c.Status != EscalationStatus.Resolved && c.WaitingSince != null
                    && !db.EscalationSlaNotices.Any(n => n.CaseId == c.Id && n.SentAt != null))
                .OrderBy(c => c.Id).ToListAsync(cancellationToken);
            foreach (var c in waiting.Where(c => now - c.WaitingSince!.Value > TimeSpan.FromMinutes(targets[c.TenantId])))
            {
                if (!await slaClaims.ClaimAsync(c.Id, c.TenantId, clock.GetUtcNow(), clock.GetUtcNow() - SendNotifications.ClaimTimeout, cancellationToken))
                    continue; // sent, or another run has it
                var salon = tenants[c.TenantId];
                var (ok, note) = await SendAsync(salon, settings.GetValueOrDefault(c.TenantId), LateText(salon, c, targets[c.TenantId], now), cancellationToken);
                metrics.Notification("escalation_sla", ok);
                var at = clock.GetUtcNow(); // marked whatever the outcome and not cancelled, as an alert's message
                await db.EscalationSlaNotices.Where(n => n.CaseId == c.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(n => n.SentAt, n => ok ? at : n.SentAt)
                    .SetProperty(n => n.Note, ok ? null : note)
                    .SetProperty(n => n.ClaimedAt, (DateTimeOffset?)null), CancellationToken.None);
                if (ok) late++; else failed++;
            }
        }

        // Digests go to salons that want one and have a bot to send it with (the alerts page already says when not).
        // Yesterday is each salon's own; its metrics rows (and those of a week before) come in one read for every salon.
        var due = tenants
            .Where(t => settings.GetValueOrDefault(t.Key) is not { DigestEnabled: false } && !string.IsNullOrWhiteSpace(t.Value.Metadata.TelegramBotToken))
            .ToDictionary(t => t.Key, t => LocalDay.Of(now, zones.Of(settings.GetValueOrDefault(t.Key))).AddDays(-1));
        var ids = due.Keys.ToList();
        var days = due.Values.SelectMany(d => new[] { d, d.AddDays(-7) }).Distinct().ToList();
        var rows = (await db.MetricsDailies.AsNoTracking().Where(m => ids.Contains(m.TenantId) && days.Contains(m.Day)).ToListAsync(cancellationToken))
            .ToLookup(m => m.TenantId);
        var answered = await answerTargets.ResolvedAsync(now.AddDays(-3), now, cancellationToken);
        foreach (var (tenantId, yesterday) in due)
        {
            var salon = tenants[tenantId];
            var day = rows[tenantId].FirstOrDefault(m => m.Day == yesterday);
            if (day is null || day.DigestSentAt is not null) continue;
            var stale = clock.GetUtcNow() - SendNotifications.ClaimTimeout;
            var claimed = await db.MetricsDailies
                .Where(m => m.Id == day.Id && m.DigestSentAt == null && (m.DigestClaimedAt == null || m.DigestClaimedAt < stale))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.DigestClaimedAt, clock.GetUtcNow()), cancellationToken);
            if (claimed == 0) continue; // another run has it
            var zone = zones.Of(settings.GetValueOrDefault(tenantId));
            var cases = answered.Where(c => c.TenantId == tenantId && LocalDay.Of(c.ClosedAt, zone) == yesterday).ToList();
            var onTimeLine = settings.GetValueOrDefault(tenantId)?.EscalationAnswerMinutes is > 0 && cases.Count > 0
                ? $"\nОтветили в срок: {AnswerTargets.Share(cases)!.Value.ToString("0.0", Ru)} % ({cases.Count(c => c.OnTime)} из {cases.Count})" : "";
            var (ok, _) = await SendAsync(salon, settings.GetValueOrDefault(tenantId),
                DigestText(salon, day, rows[tenantId].FirstOrDefault(m => m.Day == yesterday.AddDays(-7))) + onTimeLine, cancellationToken);
            metrics.Notification("digest", ok);
            var at = clock.GetUtcNow(); // marked whatever the outcome and not cancelled, as an alert's message
            await db.MetricsDailies.Where(m => m.Id == day.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.DigestSentAt, m => ok ? at : m.DigestSentAt)
                .SetProperty(m => m.DigestClaimedAt, (DateTimeOffset?)null), CancellationToken.None);
            if (ok) digests++; else failed++;
        }
        return new NotificationsSent(alerts, digests, failed, late);
    }

    private async Task<(bool Ok, string? Note)> SendAsync(Tenant salon, TenantSettings? settings, string html, CancellationToken cancellationToken)
    {
        var token = salon.Metadata.TelegramBotToken;
        var chat = settings?.NotificationChatId ?? salon.Metadata.AdminChatId;
        if (string.IsNullOrWhiteSpace(token)) return (false, "Не отправлено: у бота салона нет токена Telegram.");
        if (string.IsNullOrWhiteSpace(chat)) return (false, "Не отправлено: не указан чат администратора (настройки или данные бота).");
        var result = await telegram.SendMessageAsync(token, chat, html, cancellationToken);
        return (result.Delivered, result.Delivered ? null : "Не отправлено: " + result.Error + " Повторим при следующем запуске.");
    }

    private static readonly CultureInfo Ru = new("ru-RU");

    private static string AlertText(Tenant salon, Alert alert) =>
        $"{(alert.Severity == AlertSeverity.Critical ? "🔴" : "🟠")} <b>{WebUtility.HtmlEncode(salon.Name)}</b>, {alert.Day.ToString("d MMMM", Ru)}\n" +
        WebUtility.HtmlEncode(alert.Description ?? alert.Kind.ToCode());

    private static string LateText(Tenant salon, EscalationCase c, int minutes, DateTimeOffset now) =>
        $"⏰ <b>{WebUtility.HtmlEncode(salon.Name)}</b>: клиент ждёт ответа администратора {(int)(now - c.WaitingSince!.Value).TotalMinutes} мин " +
        $"(цель — ответить за {minutes} мин). Обращение №{c.Id}" +
        (string.IsNullOrWhiteSpace(c.EscalationReason) ? "." : $": {WebUtility.HtmlEncode(c.EscalationReason)}.");

    private static string DigestText(Tenant salon, DailyMetrics day, DailyMetrics? weekAgo)
    {
        static string Delta(decimal now, decimal? before) =>
            before is null or 0 ? "" : $" ({((now - before.Value) / before.Value * 100).ToString("+0;-0;0", Ru)} % к прошлой неделе)";
        return $"📊 <b>{WebUtility.HtmlEncode(salon.Name)}</b>: итоги за {day.Day.ToString("d MMMM", Ru)}\n" +
               $"Диалогов: {day.DialogsStarted}{Delta(day.DialogsStarted, weekAgo?.DialogsStarted)}\n" +
               $"Записей: {day.Bookings}{Delta(day.Bookings, weekAgo?.Bookings)}\n" +
               $"Конверсия: {day.Conversion.ToString("0.0", Ru)} %\n" +
               $"Выручка: {day.TotalRevenue.ToString("N0", Ru)} ₽{Delta(day.TotalRevenue, weekAgo?.TotalRevenue)}";
    }
}
