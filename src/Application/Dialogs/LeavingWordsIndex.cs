using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Dialogs;

/// <summary>
/// Keeps <c>dashboard.dialog_words</c> (and their counts per salon-day, <c>dialog_word_days</c>) behind the dialog index (issue 24): for each dialog the index has taken that has a
/// drop-off stage, the terms of its clients' messages (<see cref="LeavingWords"/>) with its salon-local day and stage. A window
/// of ids per transaction, which first moves the mark from where it was read (a second instance's same window finds the mark
/// moved and adds nothing), so every dialog is read once.
/// </summary>
public sealed class LeavingWordsIndex(IDashboardDb db, IPublicData bot, TenantTimeZones zones)
{
    public const int WindowIds = 20_000;

    /// <returns>How many dialogs got terms.</returns>
    public async Task<int> IndexAsync(long upTo, CancellationToken cancellationToken)
    {
        var settings = await db.TenantSettings.AsNoTracking().ToDictionaryAsync(s => s.TenantId, cancellationToken);
        var added = 0;
        while (true)
        {
            var from = await db.DialogWordMarks.AsNoTracking().Where(m => m.Id == 1).Select(m => m.IndexedUpTo).FirstOrDefaultAsync(cancellationToken);
            if (from >= upTo) return added;
            var to = Math.Min(upTo, from + WindowIds);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            if (await db.DialogWordMarks.Where(m => m.Id == 1 && m.IndexedUpTo == from)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.IndexedUpTo, to), cancellationToken) == 0)
                continue; // another run took this window: read the mark again

            var dialogs = (await bot.Sessions.AsNoTracking().Where(s => s.Id > from && s.Id <= to)
                    .Select(s => new { s.Id, s.SessionId, s.TenantId, s.StartedAt, s.Meta }).ToListAsync(cancellationToken))
                .Where(s => s.Meta.DropOffStage is not null).ToList();
            if (dialogs.Count > 0)
            {
                var ids = dialogs.Select(d => (Guid?)d.SessionId).ToList();
                var texts = (await bot.Messages.AsNoTracking().Where(m => ids.Contains(m.SessionId) && m.Role == MessageRole.User)
                    .Select(m => new { m.SessionId, m.Text }).ToListAsync(cancellationToken)).ToLookup(m => m.SessionId!.Value, m => m.Text);
                foreach (var d in dialogs)
                {
                    var day = LocalDay.Of(d.StartedAt, zones.Of(settings.GetValueOrDefault(d.TenantId)));
                    var terms = LeavingWords.Terms(texts[d.SessionId]);
                    db.DialogWords.AddRange(terms.Select(t => new DialogWord
                    {
                        SessionId = d.Id, Term = t, TenantId = d.TenantId, Day = day, Stage = d.Meta.DropOffStage!.Value.ToCode(),
                    }));
                    if (terms.Count > 0) added++;
                }
                await CountDaysAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Adds the window's new terms to their salon-day counts (<c>dialog_word_days</c>), in the window's transaction. Windows
    /// never run side by side: each holds the mark's row from its claim to its commit, so a read, add and write is safe.
    /// </summary>
    private async Task CountDaysAsync(CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<DialogWord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .GroupBy(w => (w.TenantId, w.Day, w.Stage, w.Term)).ToDictionary(g => g.Key, g => g.Count());
        if (added.Count == 0) return;
        var tenants = added.Keys.Select(k => k.TenantId).Distinct().ToList();
        var days = added.Keys.Select(k => k.Day).Distinct().ToList();
        var existing = await db.DialogWordDays.Where(r => tenants.Contains(r.TenantId) && days.Contains(r.Day)).ToListAsync(cancellationToken);
        var rows = existing.ToDictionary(r => (r.TenantId, r.Day, r.Stage, r.Term));
        foreach (var (key, count) in added)
        {
            if (rows.TryGetValue(key, out var row)) row.Dialogs += count;
            else db.DialogWordDays.Add(new DialogWordDay { TenantId = key.TenantId, Day = key.Day, Stage = key.Stage, Term = key.Term, Dialogs = count });
        }
    }
}
