using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using AgentP.Application.Tenants;
namespace AgentP.Application.Users;

/// <summary>
/// Creates a dashboard user. The first super_admin comes from the <c>create-user</c> CLI verb; a salon admin may add
/// admins and staff of their own salon only.
/// </summary>
[Authorize(Domain.Common.Role.SuperAdmin, Domain.Common.Role.Admin)]
public sealed record CreateUser(string Email, string? Password, string Role, Guid? TenantId,
    string? FirstName = null, string? LastName = null) : IRequest<long>;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    /// <summary>The one answer for an e-mail that has an account, whichever salon's (or the platform's) it is.</summary>
    public const string EmailTaken = "Этот e-mail нельзя использовать: укажите другой.";

    public CreateUserValidator(IDashboardDb db, SalonDirectory salons, ICurrentUser caller)
    {
        When(_ => caller.Role == Role.Admin, () =>
            RuleFor(x => x).Must(x => x.Role != Role.SuperAdmin.ToCode() && x.TenantId == caller.TenantId)
                .WithName("Role").WithMessage("Администратор салона добавляет только администраторов и сотрудников своего салона."));

        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Укажите e-mail.")
            .MaximumLength(254).WithMessage("E-mail длиннее 254 символов.")
            .NoControlCharacters()
            .EmailAddress().WithMessage("«{PropertyValue}» — не e-mail.")
            .MustAsync(async (email, ct) =>
            {
                var normalized = DashboardUser.NormalizeEmail(email);
                // E-mails are unique across all salons. The refusal names no account: a salon admin must not learn
                // from it which e-mails have accounts elsewhere on the platform.
                return !await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == normalized, ct);
            }).WithMessage(EmailTaken);

        RuleFor(x => x.Password).StrongPassword("Укажите пароль.");

        RuleFor(x => x.Role).Must(r => Codes.TryParse<Role>(r, out _))
            .WithMessage("Роль должна быть super_admin, admin или staff.");

        // Whether the named salon exists is asked only for a caller who may name any salon (a super_admin, the CLI): a
        // salon admin may name only their own, refused above otherwise, and must not learn which other salon ids exist.
        When(x => Codes.TryParse<Role>(x.Role, out var r) && r != Role.SuperAdmin, () =>
            RuleFor(x => x.TenantId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Для ролей admin и staff укажите салон (--tenant).")
                .MustAsync(async (id, ct) => caller.Role == Role.Admin || (await salons.PlatformAsync(ct)).Any(s => s.Id == id))
                .WithMessage("Салон {PropertyValue} не найден."));

        When(x => x.Role == Role.SuperAdmin.ToCode(), () =>
            RuleFor(x => x.TenantId).Null().WithMessage("super_admin не привязан к салону: уберите --tenant."));

        RuleFor(x => x.FirstName).MaximumLength(100).NoControlCharacters();
        RuleFor(x => x.LastName).MaximumLength(100).NoControlCharacters();
    }
}

public sealed class CreateUserHandler(IDashboardDb db, IPasswordHasher hasher, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<CreateUser, long>
{
    public async Task<long> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var role = Codes.ParseOrNull<Role>(request.Role) ?? throw new ArgumentException("validated above");
        var user = DashboardUser.Create(request.Email, hasher.Hash(request.Password!), role, request.TenantId, now,
            request.FirstName, request.LastName);
        db.Users.Add(user);
        db.Audits.Add(Audit.Entry(caller, now, AuditActions.CreateUser, $"Создан пользователь {user.Email} ({Audit.Words(role)})",
            caller.UserId, request.TenantId, new() { ["email"] = user.Email, ["role"] = request.Role }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is System.Data.Common.DbException { SqlState: "23505" })
        {
            // Another request created the e-mail after this one was validated: the unique key decided, nothing was saved.
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateUser.Email),
                CreateUserValidator.EmailTaken)]);
        }
        return user.Id;
    }
}
