using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Escalations;

/// <summary>The escalations inbox: open cases first, the longest-waiting first; then resolved ones, latest first.</summary>
[Authorize]
public sealed record GetEscalations(string? State = null, Guid? TenantId = null) : IRequest<EscalationList>, IAllowsAllTenants
{
    public const int Limit = 300;
}

public sealed record EscalationList(IReadOnlyList<EscalationView> Cases, int Open, int Resolved, string TimeZone);

public sealed record EscalationView(
    long Id, Guid TenantId, string? Salon, Guid? ClientId, string? ClientName, string? Phone, Channel? Channel, long? SessionId,
    DateTimeOffset? EscalatedAt, DateTimeOffset? WaitingSince, int ReopenCount, int Dialogs, string? Reason, string? Summary,
    EscalationStatus Status, DateTimeOffset? ClosedAt, string? ClosureReason, string? ClosedBy, uint Version);

public sealed class GetEscalationsValidator : AbstractValidator<GetEscalations>
{
    public GetEscalationsValidator() =>
        RuleFor(x => x.State).Must(s => s is null or "open" or "resolved" or "all").WithMessage("Состояние — open, resolved или all.");
}

public sealed class GetEscalationsHandler(IDashboardDb db, IPublicData bot, ITenantContext tenant, TenantTimeZones zones)
    : IRequestHandler<GetEscalations, EscalationList>
{
    public async Task<EscalationList> Handle(GetEscalations request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var cases = db.EscalationCases.AsNoTracking(); // the tenant filter scopes it
        var counts = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(EscalationStatus s) => counts.Where(c => c.Key == s).Sum(c => c.Count);

        cases = (request.State ?? "open") switch
        {
            "open" => cases.Where(c => c.Status != EscalationStatus.Resolved),
            "resolved" => cases.Where(c => c.Status == EscalationStatus.Resolved),
            _ => cases,
        };
        var rows = await cases
            .OrderBy(c => c.Status == EscalationStatus.Resolved)
            .ThenBy(c => c.Status == EscalationStatus.Resolved ? null : c.WaitingSince)
            .ThenByDescending(c => c.ClosedAt).ThenBy(c => c.Id)
            .Take(GetEscalations.Limit)
            .Select(c => new
            {
                Case = c,
                Dialogs = db.EscalationSessions.Count(x => x.CaseId == c.Id),
                ClosedBy = db.Users.Where(u => u.Id == c.ClosedBy).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // The bot's side (client, dialog, salon) in three keyed reads, not one per case.
        var sessionIds = rows.Select(r => r.Case.SessionId).OfType<long>().ToList();
        var sessions = await bot.Sessions.Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Channel, Summary = s.FinalSummary ?? s.Summary }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var clientIds = rows.Select(r => Guid.TryParse(r.Case.ClientId, out var g) ? g : Guid.Empty).Distinct().ToList();
        var clients = await bot.Clients.Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FullName, c.Phone }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var tenantIds = rows.Select(r => r.Case.TenantId).Distinct().ToList();
        var salons = await bot.Tenants.Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var views = rows.Select(r =>
        {
            var c = r.Case;
            Guid? clientId = Guid.TryParse(c.ClientId, out var g) ? g : null;
            var client = clientId is { } id ? clients.GetValueOrDefault(id) : null;
            var session = c.SessionId is { } sid ? sessions.GetValueOrDefault(sid) : null;
            return new EscalationView(c.Id, c.TenantId, salons.GetValueOrDefault(c.TenantId), client?.Id, client?.FullName, client?.Phone,
                session?.Channel, c.SessionId, c.EscalatedAt, c.WaitingSince, c.ReopenCount, r.Dialogs, c.EscalationReason, session?.Summary,
                c.Status, c.ClosedAt, c.ClosureReason, r.ClosedBy, c.Version);
        }).ToList();
        return new EscalationList(views, Count(EscalationStatus.Active) + Count(EscalationStatus.Escalated), Count(EscalationStatus.Resolved), zone.Id);
    }
}
