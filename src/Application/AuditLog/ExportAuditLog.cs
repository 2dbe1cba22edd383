using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.AuditLog;

/// <summary>The audit log of the current filter, newest first (at most <see cref="MaxRows"/>), as a CSV export that audits itself.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record ExportAuditLog(string? Action = null, string? From = null, string? To = null, string? User = null, Guid? TenantId = null)
    : IRequest<Export<AuditRow>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed class ExportAuditLogValidator : AbstractValidator<ExportAuditLog>
{
    public ExportAuditLogValidator() =>
        RuleFor(x => new GetAuditLog(x.Action, x.From, x.To, null, x.User, GetAuditLog.DefaultPageSize, x.TenantId))
            .SetValidator(new GetAuditLogValidator()).OverridePropertyName("Filter");
}

public sealed class ExportAuditLogHandler(IDashboardDb db, ITenantContext tenant, TenantTimeZones zones, ICurrentUser caller, ExportAudit audit)
    : IRequestHandler<ExportAuditLog, Export<AuditRow>>
{
    public async Task<Export<AuditRow>> Handle(ExportAuditLog request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var entries = (await AuditEntries.MatchingAsync(db, request.Action, request.From, request.To, request.User, zone, cancellationToken))
            .OrderByDescending(a => a.Id).Take(ExportAuditLog.MaxRows);
        // The e-mails before the stream: a salon has a handful of users, its log many entries.
        var userIds = await entries.Where(a => a.UserId != null).Select(a => a.UserId!.Value).Distinct().ToListAsync(cancellationToken);
        var shown = await AuditEntries.AsShownAsync(db, caller, userIds, cancellationToken);
        var rows = entries.AsAsyncEnumerable().Select(shown);
        return await audit.OfAsync("audit", new { request.Action, request.From, request.To, request.User }, rows, cancellationToken);
    }
}
