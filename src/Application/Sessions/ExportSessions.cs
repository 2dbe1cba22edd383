using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>Every dialog of the current filter, newest first, for the CSV export (at most <see cref="MaxRows"/>).</summary>
[Authorize]
public sealed record ExportSessions(SessionFilter Filter, Guid? TenantId = null) : IRequest<SessionExport>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed record SessionExport(IReadOnlyList<SessionRow> Rows, string TimeZone, bool Truncated);

public sealed class ExportSessionsValidator : AbstractValidator<ExportSessions>
{
    public ExportSessionsValidator() => RuleFor(x => x.Filter).SetValidator(new SessionFilterValidator());
}

public sealed class ExportSessionsHandler(IPublicData bot, ISessionSearch search, ITenantContext tenant, TenantTimeZones zones)
    : IRequestHandler<ExportSessions, SessionExport>
{
    public async Task<SessionExport> Handle(ExportSessions request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var query = search.Apply(bot.Sessions, request.Filter, zone).OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id);
        var rows = await SessionRowData.From(query.Take(ExportSessions.MaxRows + 1)).ToListAsync(cancellationToken);
        var truncated = rows.Count > ExportSessions.MaxRows;
        return new SessionExport(rows.Take(ExportSessions.MaxRows).Select(r => r.ToRow()).ToList(), zone.Id, truncated);
    }
}
