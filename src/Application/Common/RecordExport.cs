using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using MediatR;

namespace AgentP.Application.Common;

/// <summary>Audits a CSV export (DESIGN §8): who took which data out, and how many rows.</summary>
[Authorize]
public sealed record RecordExport(string What, string Filter, int Rows) : IRequest<Unit>;

public sealed class RecordExportHandler(IDashboardDb db, ICurrentUser caller, ITenantContext tenant, TimeProvider clock) : IRequestHandler<RecordExport, Unit>
{
    public async Task<Unit> Handle(RecordExport request, CancellationToken cancellationToken)
    {
        db.Audits.Add(Audit.Entry(caller, clock.GetUtcNow(), Domain.Dashboard.AuditActions.Export, $"Экспорт CSV: {request.What} ({request.Rows} строк)",
            caller.UserId, tenant.TenantId ?? caller.TenantId ?? caller.SelectedTenantId,
            new() { ["what"] = request.What, ["filter"] = request.Filter, ["rows"] = request.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
