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

public sealed record AuditRow(long Id, DateTimeOffset At, string? User, string Action, string Description, string? Ip, string? UserAgent);

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

public sealed class GetAuditLogHandler(IDashboardDb db, ITenantContext tenant, TenantTimeZones zones) : IRequestHandler<GetAuditLog, AuditPage>
{
    public async Task<AuditPage> Handle(GetAuditLog request, CancellationToken cancellationToken)
    {
        var zone = await zones.ForAsync(tenant.RequireScope(), cancellationToken);
        var entries = await MatchingAsync(db, request.Action, request.From, request.To, request.User, zone, cancellationToken);
        if (request.Before is { } before) entries = entries.Where(a => a.Id < before);

        var entriesPage = await entries.OrderByDescending(a => a.Id).Take(request.PageSize + 1).ToListAsync(cancellationToken);
        var emails = await EmailsAsync(db, entriesPage.Where(a => a.UserId != null).Select(a => a.UserId!.Value).Distinct().ToList(), cancellationToken);
        var rows = entriesPage.Select(a => new AuditRow(a.Id, a.CreatedAt, a.UserId is { } id ? emails.GetValueOrDefault(id) : null,
            a.Action, a.Description, a.IpAddress, a.UserAgent)).ToList();
        var more = rows.Count > request.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new AuditPage(rows, more ? rows[^1].Id : null, zone.Id);
    }

    /// <summary>The entries of the filter (the tenant filter scopes them; platform entries only for "all salons").</summary>
    internal static async Task<IQueryable<AuditEntry>> MatchingAsync(IDashboardDb db, string? action, string? fromDay, string? toDay, string? user,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var entries = db.Audits.AsNoTracking();
        if (!string.IsNullOrEmpty(action)) entries = entries.Where(a => a.Action == action);
        if (ReportPeriod.TryParseDate(fromDay, out var from)) { var start = LocalDay.StartOf(from, zone); entries = entries.Where(a => a.CreatedAt >= start); }
        if (ReportPeriod.TryParseDate(toDay, out var to)) { var end = LocalDay.StartOf(to.AddDays(1), zone); entries = entries.Where(a => a.CreatedAt < end); }
        if (!string.IsNullOrWhiteSpace(user))
        {
            // Users by e-mail, in a query of their own (see EmailsAsync); a failed sign-in is found by the e-mail it tried.
            var email = user.Trim().ToLowerInvariant();
            var ids = await db.Users.IgnoreQueryFilters().Where(u => u.Email == email).Select(u => (long?)u.Id).ToListAsync(cancellationToken);
            entries = entries.Where(a => ids.Contains(a.UserId) || a.Description.Contains(email));
        }
        return entries;
    }

    /// <summary>
    /// Who acted, in a query of its own: IgnoreQueryFilters inside the audits query would lift the tenant filter from the
    /// whole query. The users are this salon's or the platform's super_admins.
    /// </summary>
    internal static Task<Dictionary<long, string>> EmailsAsync(IDashboardDb db, IReadOnlyList<long> userIds, CancellationToken cancellationToken) =>
        db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
}
