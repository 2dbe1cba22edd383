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
    public const int OnTimeDays = 30;
}

/// <param name="OnTime">Of the cases resolved in the last <see cref="GetEscalations.OnTimeDays"/> days in salons with an answer target,
/// how many were answered within it; null when no salon of the scope set a target.</param>
public sealed record EscalationList(IReadOnlyList<EscalationView> Cases, int Open, int Resolved, string TimeZone, OnTimeFigures? OnTime = null);

/// <summary>Cases answered within the salon's target, of those resolved (<see cref="AnswerTargets"/>).</summary>
public sealed record OnTimeFigures(int Resolved, int OnTime, decimal? Share);

public sealed record EscalationView(
    long Id, Guid TenantId, string? Salon, Guid? ClientId, string? ClientName, string? Phone, Channel? Channel, long? SessionId,
    DateTimeOffset? EscalatedAt, DateTimeOffset? WaitingSince, int ReopenCount, int Dialogs, string? Reason, string? Summary,
    EscalationStatus Status, DateTimeOffset? ClosedAt, string? ClosureReason, string? ClosedBy, uint Version);

public sealed class GetEscalationsValidator : AbstractValidator<GetEscalations>
{
    public GetEscalationsValidator() =>
        RuleFor(x => x.State).Must(s => s is null or "open" or "resolved" or "all").WithMessage("Состояние — open, resolved или all.");
}

public sealed class GetEscalationsHandler(IDashboardDb db, EscalationViews inbox, ITenantContext tenant, TenantTimeZones zones, AnswerTargets targets,
    TimeProvider clock)
    : IRequestHandler<GetEscalations, EscalationList>
{
    public async Task<EscalationList> Handle(GetEscalations request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var cases = db.EscalationCases.AsNoTracking(); // the tenant filter scopes it
        var counts = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(EscalationStatus s) => counts.Where(c => c.Key == s).Sum(c => c.Count);

        cases = EscalationViews.InState(cases, request.State);
        var views = await inbox.OfAsync(cases
            .OrderBy(c => c.Status == EscalationStatus.Resolved)
            .ThenBy(c => c.Status == EscalationStatus.Resolved ? null : c.WaitingSince)
            .ThenByDescending(c => c.ClosedAt).ThenBy(c => c.Id)
            .Take(GetEscalations.Limit), cancellationToken);
        var now = clock.GetUtcNow();
        var hasTarget = await db.TenantSettings.AnyAsync(s => s.EscalationAnswerMinutes > 0, cancellationToken);
        var resolved = hasTarget ? await targets.ResolvedAsync(now.AddDays(-GetEscalations.OnTimeDays), now, cancellationToken) : [];
        return new EscalationList(views, Count(EscalationStatus.Active) + Count(EscalationStatus.Escalated), Count(EscalationStatus.Resolved), zone.Id,
            hasTarget ? new OnTimeFigures(resolved.Count, resolved.Count(c => c.OnTime), AnswerTargets.Share(resolved)) : null);
    }
}
