using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Clients;

/// <summary>Every client of the current filter, newest first (at most <see cref="MaxRows"/>), as a CSV export that audits itself.</summary>
[Authorize]
public sealed record ExportClients(ClientFilter Filter, Guid? TenantId = null) : IRequest<Export<ClientRow>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
}

public sealed class ExportClientsValidator : AbstractValidator<ExportClients>
{
    public ExportClientsValidator() => RuleFor(x => new GetClients(x.Filter, null, x.TenantId)).SetValidator(new GetClientsValidator()).OverridePropertyName("Filter");
}

public sealed class ExportClientsHandler(IClientQueries queries, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock, SalonDirectory directory,
    ExportAudit audit)
    : IRequestHandler<ExportClients, Export<ClientRow>>
{
    public async Task<Export<ClientRow>> Handle(ExportClients request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var today = LocalDay.Of(clock.GetUtcNow(), await zones.ForAsync(scope, cancellationToken)); // "overdue" is counted from the salon's today (each salon's own for all salons)
        var salons = await directory.ScopeNamesAsync(cancellationToken); // each row's salon, as the all-salons list names it
        return await audit.OfAsync("clients", request.Filter, queries.StreamAsync(scope, request.Filter, today, ExportClients.MaxRows, cancellationToken)
            .Select(r => r with { Salon = salons.GetValueOrDefault(r.SalonId) }), cancellationToken);
    }
}
