using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Dialogs;

/// <summary>
/// Keeps <c>dashboard.dialog_words</c> behind the dialog index (issue 24): for each dialog the index has taken that has a
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
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
