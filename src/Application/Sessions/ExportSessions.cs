using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>
/// Every dialog of the current filter, newest first (at most <see cref="MaxRows"/>), as a CSV export that audits itself.
/// Start times are in the salon's time zone, as the list shows them.
/// </summary>
[Authorize]
public sealed record ExportSessions(SessionFilter Filter, Guid? TenantId = null) : IRequest<Export<SessionRow>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed class ExportSessionsValidator : AbstractValidator<ExportSessions>
{
    public ExportSessionsValidator() => RuleFor(x => x.Filter).SetValidator(new SessionFilterValidator());
}

public sealed class ExportSessionsHandler(SessionQueries sessions, SalonDirectory directory, ExportAudit audit)
    : IRequestHandler<ExportSessions, Export<SessionRow>>
{
    public async Task<Export<SessionRow>> Handle(ExportSessions request, CancellationToken cancellationToken)
    {
        var zone = await sessions.ZoneAsync(cancellationToken);
        var salons = await directory.ScopeNamesAsync(cancellationToken); // each row's salon, as the all-salons list names it
        var rows = sessions.StreamAsync(request.Filter, ExportSessions.MaxRows, cancellationToken)
            .Select(r => r with { StartedAt = TimeZoneInfo.ConvertTime(r.StartedAt, zone), Salon = salons.GetValueOrDefault(r.SalonId) });
        return await audit.OfAsync("sessions", request.Filter, rows, cancellationToken);
    }
}
