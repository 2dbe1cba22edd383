using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Users;

/// <summary>Edits a salon user's names and role (admin ⇄ staff), audited. Another salon's user is 404.</summary>
[Authorize(Domain.Common.Role.SuperAdmin, Domain.Common.Role.Admin)]
public sealed record UpdateUser(long Id, string? FirstName, string? LastName, string? Role, Guid? TenantId = null) : IRequest<Unit>, IAllowsAllTenants;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.Role).Must(r => r is "admin" or "staff").WithMessage("Роль — admin или staff.");
        RuleFor(x => x.FirstName).MaximumLength(100).NoControlCharacters();
        RuleFor(x => x.LastName).MaximumLength(100).NoControlCharacters();
    }
}

public sealed class UpdateUserHandler(IDashboardDb db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<UpdateUser, Unit>
{
    public async Task<Unit> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Пользователь не найден.");
        if (user.Role == Domain.Common.Role.SuperAdmin) throw new ForbiddenAccessException("Роль владельца платформы здесь не меняется.");
        var now = clock.GetUtcNow();
        var before = $"{user.FirstName} {user.LastName} ({user.Role.ToCode()})";
        user.Update(request.FirstName, request.LastName, Codes.Parse<Domain.Common.Role>(request.Role!), now);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.UpdateUser, $"Изменён пользователь {user.Email}", caller.UserId, user.TenantId,
            new() { ["old"] = before, ["new"] = $"{user.FirstName} {user.LastName} ({user.Role.ToCode()})" }));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
