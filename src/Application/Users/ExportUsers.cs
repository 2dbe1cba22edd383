using System.Runtime.CompilerServices;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using AgentP.Application.Tenants;
namespace AgentP.Application.Users;

/// <summary>The users <see cref="GetUsers"/> lists, by e-mail, as a CSV export that audits itself (no password hashes, no lockouts).</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record ExportUsers(Guid? TenantId = null) : IRequest<Export<UserExportRow>>, IAllowsAllTenants;

public sealed record UserExportRow(long Id, string Email, string? FirstName, string? LastName, Role Role, string? Salon, bool Active,
    DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt);

public sealed class ExportUsersHandler(IDashboardDb db, SalonDirectory directory, ExportAudit audit) : IRequestHandler<ExportUsers, Export<UserExportRow>>
{
    public Task<Export<UserExportRow>> Handle(ExportUsers request, CancellationToken cancellationToken) =>
        audit.OfAsync("users", new { }, RowsAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<UserExportRow> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var salons = await directory.ScopeNamesAsync(cancellationToken);
        var users = db.Users.AsNoTracking().OrderBy(u => u.Email) // the tenant filter scopes it
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName, u.Role, u.TenantId, u.Active, u.LastLoginAt, u.CreatedAt });
        await foreach (var u in users.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return new UserExportRow(u.Id, u.Email, u.FirstName, u.LastName, u.Role,
                u.TenantId is { } salon ? salons.GetValueOrDefault(salon) : null, u.Active, u.LastLoginAt, u.CreatedAt);
    }
}
