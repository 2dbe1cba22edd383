using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Auth;

/// <summary>Ends the caller's session on the server (a copy of its cookie stops working at once) and audits it.</summary>
[Authorize]
public sealed record SignOut(Guid? SessionId) : IRequest<Unit>;

public sealed class SignOutHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<SignOut, Unit>
{
    public async Task<Unit> Handle(SignOut request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == request.SessionId && s.UserId == caller.UserId, cancellationToken);
        session?.Revoke(now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.Logout, "Выход", caller.UserId, caller.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
