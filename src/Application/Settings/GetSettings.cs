using AgentP.Application.Bookings;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Settings;

/// <summary>The salon's dashboard settings and its facts from <c>tenants_v2</c> — never its tokens.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record GetSettings(Guid? TenantId = null) : IRequest<SettingsView>, ITenantScoped;

public sealed record SettingsView(string SalonName, string? Slug, Branch? Branch, bool HasTelegramBot, YclientsState Yclients, string? BotAdminChat,
    SettingsValues Values);

/// <summary>
/// The editable values; <see cref="TimeZone"/> null means the platform default. <see cref="OpeningHours"/>: seven entries, Monday
/// first, "HH:MM-HH:MM" or "" for a day off; null (or all seven empty) means the default hours (docs/architecture.md §5).
/// </summary>
public sealed record SettingsValues(string TimeZone, decimal LowConversionPercent, decimal HighDropOffPercent, decimal ErrorSpikePercent,
    int MinDialogs, bool DigestEnabled, string? NotificationChatId, IReadOnlyList<string>? OpeningHours = null,
    decimal MinutesPerReply = TenantSettings.DefaultMinutesPerReply, decimal? MonthlyBotFee = null, int? EscalationAnswerMinutes = null);

public sealed class GetSettingsHandler(IPublicData bot, IDashboardDb db, ITenantContext tenant, IOptions<DashboardOptions> options, YclientsConnection yclients)
    : IRequestHandler<GetSettings, SettingsView>
{
    public async Task<SettingsView> Handle(GetSettings request, CancellationToken cancellationToken)
    {
        var id = tenant.RequireScope() ?? throw new TenantRequiredException();
        var salon = await bot.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("Салон не найден.");
        var settings = await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == id, cancellationToken) ?? new TenantSettings();
        var meta = salon.Metadata;
        return new SettingsView(salon.Name, salon.Slug, meta.CurrentBranch, !string.IsNullOrEmpty(meta.TelegramBotToken),
            yclients.StateOf(meta), meta.AdminChatId,
            new SettingsValues(settings.TimeZone ?? options.Value.DefaultTimeZone, settings.LowConversionPercent, settings.HighDropOffPercent,
                settings.ErrorSpikePercent, settings.MinDialogs, settings.DigestEnabled, settings.NotificationChatId,
                settings.OpeningHours, settings.MinutesPerReply, settings.MonthlyBotFee, settings.EscalationAnswerMinutes));
    }
}
