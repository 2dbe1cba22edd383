using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Security;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Escalations;

/// <summary>
/// What the escalations job does: every dialog the bot ended as <c>escalated</c> (of active salons, within
/// <c>Dashboard:EscalationLookbackDays</c>) goes into a case in <c>dashboard.conversations</c> exactly once — the
/// client's open case, the case resolved less than 24 h before (reopened), or a new one. One transaction; a dialog
/// already in <c>escalation_sessions</c> is skipped, so running twice (or on two instances) changes nothing. A case staff
/// resolve meanwhile makes the save fail on its row version, and the sync starts again.
/// </summary>
[Changes(CacheTags.Attention)]
public sealed record SyncEscalations : IRequest<EscalationSyncResult>, ISystemRequest;

public sealed record EscalationSyncResult(int Created, int Reopened, int Added);

public sealed class SyncEscalationsHandler(IPublicData bot, IDashboardDb db, IOptions<DashboardOptions> options, TimeProvider clock)
    : IRequestHandler<SyncEscalations, EscalationSyncResult>
{
    private const int MaxAttempts = 3;

    public async Task<EscalationSyncResult> Handle(SyncEscalations request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SyncAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A case changed between reading and saving (staff resolved it): nothing was saved; read again, so the
                // new escalation reopens the resolved case instead of being filed under a case that is closed.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<EscalationSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-options.Value.EscalationLookbackDays);
        // Every salon's (a system request). idx_sessions_status + started_at.
        var escalated = await bot.Sessions
            .Where(s => s.FinalStatus == SessionStatus.Escalated && s.StartedAt >= since
                        && bot.Tenants.Any(t => t.Id == s.TenantId && t.IsActive))
            .Select(s => new { s.Id, s.TenantId, s.UserId, At = s.EndedAt ?? s.StartedAt, Reason = s.FinalIntent ?? s.FinalSummary ?? s.Summary })
            .ToListAsync(cancellationToken);
        if (escalated.Count == 0) return new EscalationSyncResult(0, 0, 0);

        var ids = escalated.Select(s => s.Id).ToList();
        var known = (await db.EscalationSessions.Where(x => ids.Contains(x.SessionId))
            .Select(x => x.SessionId).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = escalated.Where(s => !known.Contains(s.Id)).OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
        if (fresh.Count == 0) return new EscalationSyncResult(0, 0, 0);

        // The latest case of each client concerned decides where the next escalation goes.
        var clients = fresh.Select(s => s.UserId.ToString()).Distinct().ToList();
        var latest = (await db.EscalationCases.Where(c => clients.Contains(c.ClientId)).ToListAsync(cancellationToken))
            .GroupBy(c => (c.TenantId, c.ClientId)).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);

        int created = 0, reopened = 0, added = 0;
        foreach (var s in fresh)
        {
            var key = (s.TenantId, s.UserId.ToString());
            var reason = Clip(s.Reason);
            if (latest.TryGetValue(key, out var open) && open.Takes(s.At))
            {
                if (open.Status == EscalationStatus.Resolved) reopened++; else added++;
                open.Add(s.Id, s.At, reason, now);
                // Saved even when no column of the case changed (an older dialog joining it): the save then checks the
                // case's row version, so a case resolved meanwhile is read again instead of taking the dialog unseen.
                db.Entry(open).Property(c => c.UpdatedAt).IsModified = true;
            }
            else
            {
                open = EscalationCase.Open(s.TenantId, s.UserId, s.Id, s.At, reason, now);
                db.EscalationCases.Add(open);
                latest[key] = open;
                created++;
            }
            db.EscalationSessions.Add(new EscalationSession { SessionId = s.Id, Case = open, TenantId = s.TenantId, EscalatedAt = s.At });
        }
        await db.SaveChangesAsync(cancellationToken);
        return new EscalationSyncResult(created, reopened, added);
    }

    private static string? Clip(string? reason) =>
        reason?.Trim() is not { Length: > 0 } text ? null : text.Length > EscalationCase.MaxReasonLength ? text[..EscalationCase.MaxReasonLength] : text;
}
