using AgentP.Application.Common.Caching;
using AgentP.Application.Attention;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Alerts;

/// <summary>An admin marks an alert as seen (audited). Another salon's alert is 404; acknowledging twice changes nothing.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
[Changes(CacheTags.Attention)]
public sealed record AcknowledgeAlert(long Id, Guid? TenantId = null) : IRequest<Unit>, IAllowsAllTenants;

public sealed class AcknowledgeAlertHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<AcknowledgeAlert, Unit>
{
    public async Task<Unit> Handle(AcknowledgeAlert request, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Алерт не найден.");
        if (alert.AcknowledgedAt is not null) return Unit.Value;

        var now = clock.GetUtcNow();
        alert.AcknowledgedAt = now;
        alert.AcknowledgedBy = caller.UserId;
        alert.UpdatedAt = now;
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.AcknowledgeAlert, $"Алерт #{alert.Id} ({Audit.Words(alert.Kind)}, {alert.Day:dd.MM.yyyy}) просмотрен",
            caller.UserId, alert.TenantId, new() { ["alert_id"] = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
