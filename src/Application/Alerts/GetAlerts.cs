using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Alerts;

/// <summary>The salon's alerts, open ones first, newest day first (<see cref="AlertFilter.Ordered"/>), filtered.</summary>
[Authorize]
public sealed record GetAlerts(AlertFilter Filter, Guid? TenantId = null) : IRequest<AlertList>, IAllowsAllTenants
{
    public const int Limit = 500;
}

public sealed record AlertList(IReadOnlyList<AlertView> Alerts, int Open, string TimeZone);

public sealed record AlertView(long Id, Guid TenantId, string? Salon, AlertKind Kind, AlertSeverity Severity, DateOnly Day, decimal? Threshold,
    decimal? Actual, string? Description, DateTimeOffset TriggeredAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? NotifiedAt, string? NotificationNote);

public sealed class GetAlertsValidator : AbstractValidator<GetAlerts>
{
    public GetAlertsValidator() => RuleFor(x => x.Filter).SetValidator(new AlertFilterValidator());
}

public sealed class GetAlertsHandler(IDashboardDb db, SalonDirectory salons, ITenantContext tenant, TenantTimeZones zones) : IRequestHandler<GetAlerts, AlertList>
{
    public async Task<AlertList> Handle(GetAlerts request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var alerts = db.Alerts.AsNoTracking(); // the tenant filter scopes it
        var open = await alerts.CountAsync(a => a.AcknowledgedAt == null, cancellationToken);
        var rows = await request.Filter.Ordered(alerts).Take(GetAlerts.Limit).ToListAsync(cancellationToken);
        var names = await salons.NamesAsync(rows.Select(a => a.TenantId), cancellationToken);
        return new AlertList(rows.Select(a => new AlertView(a.Id, a.TenantId, names.GetValueOrDefault(a.TenantId), a.Kind, a.Severity, a.Day,
            a.Threshold, a.Actual, a.Description, a.TriggeredAt, a.AcknowledgedAt, a.NotificationSentAt, a.NotificationNote)).ToList(), open, zone.Id);
    }
}
