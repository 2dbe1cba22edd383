using AgentP.Application.Common.Caching;
using AgentP.Application.Attention;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Escalations;

/// <summary>Salon staff close a case with a reason (audited). Another salon's case is 404; resolving twice changes nothing.</summary>
[Authorize]
[Changes(CacheTags.Attention)]
/// <param name="Version">The case's row version when the page showing it was made: a case changed since (the client wrote
/// again and the sync reopened it) is not closed unseen.</param>
public sealed record ResolveEscalation(long Id, string? Reason, uint? Version = null, Guid? TenantId = null) : IRequest<bool>, IAllowsAllTenants;

public sealed class ResolveEscalationValidator : AbstractValidator<ResolveEscalation>
{
    public ResolveEscalationValidator() =>
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Напишите, чем закончилось обращение.")
            .MaximumLength(EscalationCase.MaxReasonLength).WithMessage($"Причина длиннее {EscalationCase.MaxReasonLength} символов.")
            .NoControlCharacters(multiline: true);
}

public sealed class ResolveEscalationHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<ResolveEscalation, bool>
{
    public async Task<bool> Handle(ResolveEscalation request, CancellationToken cancellationToken)
    {
        var @case = await db.EscalationCases.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Обращение не найдено.");
        if (request.Version is { } seen && seen != @case.Version && @case.Status != EscalationStatus.Resolved) throw Changed();
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        if (!@case.Resolve(reason, caller.UserId, now)) return false;

        db.Audits.Add(Audit.Entry(caller, now, AuditActions.ResolveEscalation, $"Обращение #{@case.Id} закрыто: {reason}",
            caller.UserId, @case.TenantId, new() { ["case_id"] = @case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The sync added an escalation to the case after it was read here: closing it now would close a message
            // nobody has seen. Nothing is saved (the audit entry goes with it).
            throw Changed();
        }
        return true;
    }

    private static ConflictException Changed() => new("Клиент написал снова, пока вы закрывали обращение. Посмотрите его ещё раз.");
}
