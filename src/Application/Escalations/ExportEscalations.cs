using System.Runtime.CompilerServices;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Escalations;

/// <summary>
/// Every case in a state (at most <see cref="MaxRows"/>) as a CSV export that audits itself: oldest case first, read a
/// chunk of cases at a time so that the bot's side is looked up by key per chunk, not per case.
/// </summary>
[Authorize]
public sealed record ExportEscalations(string? State = null, Guid? TenantId = null) : IRequest<Export<EscalationView>>, IAllowsAllTenants
{
    public const int MaxRows = 100_000;
    public const int Chunk = 500;
}

public sealed class ExportEscalationsValidator : AbstractValidator<ExportEscalations>
{
    public ExportEscalationsValidator() => RuleFor(x => new GetEscalations(x.State, x.TenantId)).SetValidator(new GetEscalationsValidator()).OverridePropertyName("State");
}

public sealed class ExportEscalationsHandler(IDashboardDb db, EscalationViews inbox, ExportAudit audit)
    : IRequestHandler<ExportEscalations, Export<EscalationView>>
{
    public Task<Export<EscalationView>> Handle(ExportEscalations request, CancellationToken cancellationToken) =>
        audit.OfAsync("escalations", new { request.State }, RowsAsync(request.State, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<EscalationView> RowsAsync(string? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cases = EscalationViews.InState(db.EscalationCases.AsNoTracking(), state); // the tenant filter scopes it
        long after = 0;
        for (var sent = 0; sent < ExportEscalations.MaxRows;)
        {
            var last = after;
            var chunk = await inbox.OfAsync(cases.Where(c => c.Id > last).OrderBy(c => c.Id)
                .Take(Math.Min(ExportEscalations.Chunk, ExportEscalations.MaxRows - sent)), cancellationToken);
            if (chunk.Count == 0) yield break;
            foreach (var view in chunk) yield return view;
            sent += chunk.Count;
            after = chunk[^1].Id;
        }
    }
}
