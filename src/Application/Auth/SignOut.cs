using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Dashboard;
using MediatR;

namespace AgentP.Application.Auth;

[Authorize]
public sealed record SignOut : IRequest<Unit>;

public sealed class SignOutHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<SignOut, Unit>
{
    public async Task<Unit> Handle(SignOut request, CancellationToken cancellationToken)
    {
        db.Audits.Add(Audit.Entry(caller, clock.GetUtcNow(), AuditActions.Logout, "Выход", caller.UserId, caller.TenantId));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
