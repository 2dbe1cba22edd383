using AgentP.Application.Common.Caching;
using System.Text.Json;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Settings;

/// <summary>Saves the salon's settings with an audit entry showing old → new, in one transaction.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
[Changes(CacheTags.Settings)]
public sealed record UpdateSettings(SettingsValues Values, Guid? TenantId = null) : IRequest<Unit>, ITenantScoped;

public sealed class UpdateSettingsValidator : AbstractValidator<UpdateSettings>
{
    public UpdateSettingsValidator()
    {
        RuleFor(x => x.Values.TimeZone).Must(IsTimeZone).WithName("TimeZone").WithMessage("Неизвестный часовой пояс: выберите из списка.");
        RuleFor(x => x.Values.LowConversionPercent).InclusiveBetween(0, 100).WithName("LowConversionPercent").WithMessage("Порог конверсии — от 0 до 100 %.");
        RuleFor(x => x.Values.HighDropOffPercent).InclusiveBetween(0, 100).WithName("HighDropOffPercent").WithMessage("Порог брошенных — от 0 до 100 %.");
        RuleFor(x => x.Values.ErrorSpikePercent).InclusiveBetween(0, 100).WithName("ErrorSpikePercent").WithMessage("Порог эскалаций — от 0 до 100 %.");
        RuleFor(x => x.Values.MinDialogs).InclusiveBetween(1, 100_000).WithName("MinDialogs").WithMessage("Минимум диалогов — от 1 до 100 000.");
        RuleFor(x => x.Values.NotificationChatId).Matches(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$").When(x => !string.IsNullOrWhiteSpace(x.Values.NotificationChatId))
            .WithName("NotificationChatId").WithMessage("Чат — число (например -1001234567890) или @имя_канала.");
        RuleFor(x => x.Values.OpeningHours).Must(h => h is null || h.Count == 7 && h.All(IsOpeningHours)).WithName("OpeningHours")
            .WithMessage("Часы работы — как 10:00-21:00 (открытие раньше закрытия) или пусто для выходного.");
        RuleFor(x => x.Values.MinutesPerReply).InclusiveBetween(0, 60).WithName("MinutesPerReply").WithMessage("Минут на ответ — от 0 до 60.");
        RuleFor(x => x.Values.MonthlyBotFee).InclusiveBetween(0, 10_000_000).When(x => x.Values.MonthlyBotFee is not null)
            .WithName("MonthlyBotFee").WithMessage("Плата за бота — от 0 до 10 000 000 ₽ в месяц, или пусто.");
        RuleFor(x => x.Values.EscalationAnswerMinutes).InclusiveBetween(1, 10_080).When(x => x.Values.EscalationAnswerMinutes is not null)
            .WithName("EscalationAnswerMinutes").WithMessage("Срок ответа — от 1 до 10 080 минут (неделя), или пусто.");
    }

    /// <summary>"HH:MM-HH:MM" with the opening before the closing, or "" (a day off).</summary>
    public static bool IsOpeningHours(string? day)
    {
        if (string.IsNullOrEmpty(day)) return true;
        var parts = day.Split('-');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var open)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var close)
            && open < close;
    }

    /// <summary>
    /// One of the zones the form offers, spelled exactly so: .NET's lookup also finds other spellings («Europe//Moscow»)
    /// that PostgreSQL's <c>AT TIME ZONE</c> refuses, and the salon's pages and the metrics job then failed.
    /// </summary>
    public static bool IsTimeZone(string? id) => id is not null && Offered.Contains(id);

    /// <summary>The zones the settings form offers: the machine's IANA zones by their canonical ids.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    private static readonly HashSet<string> Offered = new(TimeZones, StringComparer.Ordinal);
}

public sealed class UpdateSettingsHandler(IDashboardDb db, ICurrentUser caller, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<UpdateSettings, Unit>
{
    public async Task<Unit> Handle(UpdateSettings request, CancellationToken cancellationToken)
    {
        var id = tenant.RequireScope() ?? throw new TenantRequiredException();
        var now = clock.GetUtcNow();
        var settings = await db.TenantSettings.FirstOrDefaultAsync(s => s.TenantId == id, cancellationToken);
        var before = settings is null ? null : Snapshot(settings);
        if (settings is null) db.TenantSettings.Add(settings = new TenantSettings { TenantId = id });

        var v = request.Values;
        settings.TimeZone = v.TimeZone;
        settings.LowConversionPercent = v.LowConversionPercent;
        settings.HighDropOffPercent = v.HighDropOffPercent;
        settings.ErrorSpikePercent = v.ErrorSpikePercent;
        settings.MinDialogs = v.MinDialogs;
        settings.DigestEnabled = v.DigestEnabled;
        settings.NotificationChatId = string.IsNullOrWhiteSpace(v.NotificationChatId) ? null : v.NotificationChatId.Trim();
        // Seven empty days mean "not set": the default hours apply.
        settings.OpeningHours = v.OpeningHours is { } hours && hours.Any(h => h.Length > 0) ? hours.ToList() : null;
        settings.MinutesPerReply = v.MinutesPerReply;
        settings.MonthlyBotFee = v.MonthlyBotFee;
        settings.EscalationAnswerMinutes = v.EscalationAnswerMinutes;
        settings.UpdatedBy = caller.UserId;
        settings.UpdatedAt = now;

        db.Audits.Add(Audit.Entry(caller, now, AuditActions.UpdateSettings, "Настройки салона изменены", caller.UserId, id,
            new() { ["old"] = before, ["new"] = Snapshot(settings) }));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static string Snapshot(TenantSettings s) => JsonSerializer.Serialize(new
    {
        time_zone = s.TimeZone, low_conversion = s.LowConversionPercent, high_drop_off = s.HighDropOffPercent, error_spike = s.ErrorSpikePercent,
        min_dialogs = s.MinDialogs, digest = s.DigestEnabled, chat = s.NotificationChatId,
        opening_hours = s.OpeningHours, minutes_per_reply = s.MinutesPerReply, monthly_bot_fee = s.MonthlyBotFee, escalation_answer_minutes = s.EscalationAnswerMinutes,
    });
}
