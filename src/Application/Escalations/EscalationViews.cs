using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using AgentP.Application.Tenants;
namespace AgentP.Application.Escalations;

/// <summary>The inbox's rows (<see cref="GetEscalations"/>, <see cref="ExportEscalations"/>) from a query of cases.</summary>
public sealed class EscalationViews(IDashboardDb db, IPublicData bot, SalonDirectory directory)
{
    /// <summary>The cases in a state: open (the default: waiting or being handled), resolved or all.</summary>
    public static IQueryable<EscalationCase> InState(IQueryable<EscalationCase> cases, string? state) => (state ?? "open") switch
    {
        "open" => cases.Where(c => c.Status != EscalationStatus.Resolved),
        "resolved" => cases.Where(c => c.Status == EscalationStatus.Resolved),
        _ => cases,
    };

    /// <summary>The rows of <paramref name="cases"/> in their order: the cases with their counts, then the bot's side in keyed reads.</summary>
    public async Task<List<EscalationView>> OfAsync(IQueryable<EscalationCase> cases, CancellationToken cancellationToken)
    {
        var rows = await cases
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
        var salons = await directory.NamesAsync(rows.Select(r => r.Case.TenantId), cancellationToken);

        return rows.Select(r =>
        {
            var c = r.Case;
            Guid? clientId = Guid.TryParse(c.ClientId, out var g) ? g : null;
            var client = clientId is { } id ? clients.GetValueOrDefault(id) : null;
            var session = c.SessionId is { } sid ? sessions.GetValueOrDefault(sid) : null;
            return new EscalationView(c.Id, c.TenantId, salons.GetValueOrDefault(c.TenantId), client?.Id, client?.FullName, client?.Phone,
                session?.Channel, c.SessionId, c.EscalatedAt, c.WaitingSince, c.ReopenCount, r.Dialogs, c.EscalationReason, session?.Summary,
                c.Status, c.ClosedAt, c.ClosureReason, r.ClosedBy, c.Version);
        }).ToList();
    }
}
