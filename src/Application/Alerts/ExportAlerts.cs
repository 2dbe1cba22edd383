using System.Runtime.CompilerServices;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Alerts;

/// <summary>Every alert of the filter in the list's order (at most <see cref="MaxRows"/>), as a CSV export that audits itself.</summary>
[Authorize]
public sealed record ExportAlerts(AlertFilter Filter, Guid? TenantId = null) : IRequest<Export<AlertExportRow>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed record AlertExportRow(
    long Id, string? Salon, AlertKind Kind, AlertSeverity Severity, DateOnly Day, decimal? Threshold, decimal? Actual, string? Description,
    DateTimeOffset TriggeredAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? NotifiedAt);

public sealed class ExportAlertsValidator : AbstractValidator<ExportAlerts>
{
    public ExportAlertsValidator() => RuleFor(x => x.Filter).SetValidator(new AlertFilterValidator());
}

public sealed class ExportAlertsHandler(IDashboardDb db, SalonDirectory directory, ExportAudit audit) : IRequestHandler<ExportAlerts, Export<AlertExportRow>>
{
    public Task<Export<AlertExportRow>> Handle(ExportAlerts request, CancellationToken cancellationToken) =>
        audit.OfAsync("alerts", request.Filter, RowsAsync(request.Filter, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<AlertExportRow> RowsAsync(AlertFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The scope's salons' names first (the scope's own, or every salon's for all), then the alerts as they are read.
        var salons = await directory.ScopeNamesAsync(cancellationToken);
        var alerts = filter.Ordered(db.Alerts.AsNoTracking()).Take(ExportAlerts.MaxRows) // the tenant filter scopes it
            .Select(a => new { a.Id, a.TenantId, a.Kind, a.Severity, a.Day, a.Threshold, a.Actual, a.Description, a.TriggeredAt, a.AcknowledgedAt, a.NotificationSentAt });
        await foreach (var a in alerts.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return new AlertExportRow(a.Id, salons.GetValueOrDefault(a.TenantId), a.Kind, a.Severity, a.Day, a.Threshold, a.Actual,
                a.Description, a.TriggeredAt, a.AcknowledgedAt, a.NotificationSentAt);
    }
}
