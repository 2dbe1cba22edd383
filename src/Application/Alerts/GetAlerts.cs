using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Alerts;

/// <summary>The salon's alerts, open ones first, newest day first; filters by state, kind, severity and days.</summary>
[Authorize]
public sealed record GetAlerts(string? State = null, string? Kind = null, string? Severity = null, string? From = null, string? To = null,
    Guid? TenantId = null) : IRequest<AlertList>, IAllowsAllTenants
{
    public const int Limit = 500;
}

public sealed record AlertList(IReadOnlyList<AlertView> Alerts, int Open, string TimeZone);

public sealed record AlertView(long Id, Guid TenantId, string? Salon, AlertKind Kind, AlertSeverity Severity, DateOnly Day, decimal? Threshold,
    decimal? Actual, string? Description, DateTimeOffset TriggeredAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? NotifiedAt, string? NotificationNote);

public sealed class GetAlertsValidator : AbstractValidator<GetAlerts>
{
    public GetAlertsValidator()
    {
        RuleFor(x => x.State).Must(s => s is null or "open" or "acknowledged" or "all").WithMessage("Состояние — open, acknowledged или all.");
        RuleFor(x => x.Kind).Must(k => k is null || Codes.TryParse<AlertKind>(k, out _)).WithMessage("Неизвестный вид алерта.");
        RuleFor(x => x.Severity).Must(s => s is null || Codes.TryParse<AlertSeverity>(s, out _)).WithMessage("Неизвестная важность.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
    }
}

public sealed class GetAlertsHandler(IDashboardDb db, IPublicData bot, ITenantContext tenant, TenantTimeZones zones) : IRequestHandler<GetAlerts, AlertList>
{
    public async Task<AlertList> Handle(GetAlerts request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        IQueryable<Alert> alerts = db.Alerts.AsNoTracking(); // the tenant filter scopes it
        var open = await alerts.CountAsync(a => a.AcknowledgedAt == null, cancellationToken);

        alerts = (request.State ?? "open") switch
        {
            "open" => alerts.Where(a => a.AcknowledgedAt == null),
            "acknowledged" => alerts.Where(a => a.AcknowledgedAt != null),
            _ => alerts,
        };
        if (Codes.TryParse<AlertKind>(request.Kind, out var kind)) alerts = alerts.Where(a => a.Kind == kind);
        if (Codes.TryParse<AlertSeverity>(request.Severity, out var severity)) alerts = alerts.Where(a => a.Severity == severity);
        if (ReportPeriod.TryParseDate(request.From, out var from)) alerts = alerts.Where(a => a.Day >= from);
        if (ReportPeriod.TryParseDate(request.To, out var to)) alerts = alerts.Where(a => a.Day <= to);

        var rows = await alerts.OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.Day).ThenBy(a => a.Id)
            .Take(GetAlerts.Limit).ToListAsync(cancellationToken);
        var ids = rows.Select(a => a.TenantId).Distinct().ToList();
        var names = await bot.Tenants.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new AlertList(rows.Select(a => new AlertView(a.Id, a.TenantId, names.GetValueOrDefault(a.TenantId), a.Kind, a.Severity, a.Day,
            a.Threshold, a.Actual, a.Description, a.TriggeredAt, a.AcknowledgedAt, a.NotificationSentAt, a.NotificationNote)).ToList(), open, zone.Id);
    }
}
