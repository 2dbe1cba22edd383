using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.AuditLog;

/// <summary>Who did what, newest first, keyset-paged by id. Admins see their salon's entries, a super_admin the chosen salon's or all.</summary>
[Authorize(Role.SuperAdmin, Role.Admin)]
public sealed record GetAuditLog(string? Action = null, string? From = null, string? To = null, long? Before = null, string? User = null,
    int PageSize = GetAuditLog.DefaultPageSize, Guid? TenantId = null)
    : IRequest<AuditPage>, IAllowsAllTenants
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 100_000;
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextBefore, string TimeZone);

/// <summary>An entry as the caller may see it: a super_admin's ip and user agent read <see cref="Platform"/> to a salon's users.</summary>
/// <param name="User">Who acted, by e-mail (what the filter and the CSV use); <paramref name="UserName"/> their name where they gave one.</param>
public sealed record AuditRow(long Id, DateTimeOffset At, string? User, string Action, string Description, string? Ip, string? UserAgent, string? UserName = null)
{
    /// <summary>Stands for a super_admin's ip and user agent (the page shows it in the chosen language, the CSV as is).</summary>
    public const string Platform = "платформа";
}

public sealed class GetAuditLogValidator : AbstractValidator<GetAuditLog>
{
    public GetAuditLogValidator()
    {
        RuleFor(x => x.Action).MaximumLength(50).Matches("^[a-z_]*$").WithMessage("Неизвестное действие.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
        RuleFor(x => x.Before).GreaterThan(0).WithMessage("Неверная ссылка на страницу.");
        RuleFor(x => x.User).MaximumLength(254).NoControlCharacters();
        RuleFor(x => x.PageSize).InclusiveBetween(1, GetAuditLog.MaxPageSize);
    }
}

public sealed class GetAuditLogHandler(IDashboardDb db, ITenantContext tenant, TenantTimeZones zones, ICurrentUser caller) : IRequestHandler<GetAuditLog, AuditPage>
{
    public async Task<AuditPage> Handle(GetAuditLog request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var entries = await AuditEntries.MatchingAsync(db, request.Action, request.From, request.To, request.User, zone, cancellationToken);
        if (request.Before is { } before) entries = entries.Where(a => a.Id < before);

        var entriesPage = await entries.OrderByDescending(a => a.Id).Take(request.PageSize + 1).ToListAsync(cancellationToken);
        var userIds = entriesPage.Where(a => a.UserId != null).Select(a => a.UserId!.Value).Distinct().ToList();
        var shown = await AuditEntries.AsShownAsync(db, caller, userIds, cancellationToken);
        var rows = entriesPage.Select(shown).ToList();
        var more = rows.Count > request.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new AuditPage(rows, more ? rows[^1].Id : null, zone.Id);
    }
}
