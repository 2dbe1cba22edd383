using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.AuditLog;

/// <summary>What the audit log and its export share: which entries a filter matches, and how an entry is shown to the caller.</summary>
internal static class AuditEntries
{
    /// <summary>The entries of the filter (the tenant filter scopes them; platform entries only for "all salons").</summary>
    public static async Task<IQueryable<AuditEntry>> MatchingAsync(IDashboardDb db, string? action, string? fromDay, string? toDay, string? user,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var entries = db.Audits.AsNoTracking();
        if (!string.IsNullOrEmpty(action)) entries = entries.Where(a => a.Action == action);
        if (ReportPeriod.TryParseDate(fromDay, out var from)) { var start = LocalDay.StartOf(from, zone); entries = entries.Where(a => a.CreatedAt >= start); }
        if (ReportPeriod.TryParseDate(toDay, out var to)) { var end = LocalDay.StartOf(to.AddDays(1), zone); entries = entries.Where(a => a.CreatedAt < end); }
        if (!string.IsNullOrWhiteSpace(user))
        {
            // Users by e-mail, in a query of their own (see AsShownAsync); a failed sign-in is found by the e-mail it tried.
            var email = user.Trim().ToLowerInvariant();
            var ids = await db.Users.IgnoreQueryFilters().Where(u => u.Email == email).Select(u => (long?)u.Id).ToListAsync(cancellationToken);
            entries = entries.Where(a => ids.Contains(a.UserId) || a.Description.Contains(email));
        }
        return entries;
    }

    /// <summary>
    /// How the caller sees an entry of one of <paramref name="userIds"/>: with who acted, read in a query of its own
    /// (IgnoreQueryFilters inside the audits query would lift the tenant filter from the whole query; the users are this
    /// salon's or the platform's super_admins). A salon sees what the platform did in it, but not from where: a
    /// super_admin's address and browser read <see cref="AuditRow.Platform"/>.
    /// </summary>
    public static async Task<Func<AuditEntry, AuditRow>> AsShownAsync(IDashboardDb db, ICurrentUser caller, IReadOnlyList<long> userIds,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.Email, u.Role, u.FirstName, u.LastName }, cancellationToken);
        var masked = caller.Role != Role.SuperAdmin;
        return a =>
        {
            var user = a.UserId is { } id ? users.GetValueOrDefault(id) : null;
            var platform = masked && user?.Role == Role.SuperAdmin;
            var name = user is null ? null : string.Join(' ', new[] { user.FirstName, user.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new AuditRow(a.Id, a.CreatedAt, user?.Email, a.Action, a.Description,
                platform ? AuditRow.Platform : a.IpAddress, platform ? AuditRow.Platform : a.UserAgent, name is { Length: > 0 } ? name : null);
        };
    }
}
