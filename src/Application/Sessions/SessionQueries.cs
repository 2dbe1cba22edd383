using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Dialogs;
using AgentP.Domain.Bot;
using AgentP.Domain.Dashboard;
using AgentP.Application.Overview;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>
/// The dialogs of a filter in the unit of work's scope, for the list, its count and its export. Every dialog up to the
/// dialog index's mark comes from <c>dashboard.dialog_facts</c> (its indexes serve the order, the filters and the search);
/// those above it, the live tail, from the bot's table by its primary-key range; both cut at the one mark, so a run of the
/// index job meanwhile shows nothing twice. The all-salons view reads the same rows without a salon condition.
/// </summary>
public sealed class SessionQueries(IPublicData bot, IDashboardDb db, ISessionSearch search, ITenantContext tenant, TenantTimeZones zones,
    TenantOpeningHours openingHours, DialogIndexMark mark)
{
    /// <summary>How many of the newest indexed dialogs a short search (<see cref="SessionFilter.IsShortQuery"/>) reads per page.</summary>
    public const int ShortQueryWindow = 2000;

    private sealed record Sources(IQueryable<DialogFacts> Indexed, IQueryable<ConversationSession> Live, TimeZoneInfo Zone, string? ShortQuery);

    private async Task<Sources> SourcesAsync(SessionFilter filter, CancellationToken cancellationToken)
    {
        var scopeZones = await zones.ForScopeAsync(tenant.RequireScope(), cancellationToken);
        // The opening hours only for the filter that asks for them.
        var hours = filter.AfterHours is "yes" or "no" ? await openingHours.ForScopeAsync(tenant.RequireScope(), cancellationToken) : null;
        var indexedUpTo = await mark.GetAsync(cancellationToken);
        var live = search.Apply(bot.Sessions.Where(s => s.Id > indexedUpTo), filter, scopeZones, hours);
        var indexed = search.Apply(db.DialogFacts.Where(f => f.SessionId <= indexedUpTo), filter, scopeZones, hours);
        if (filter.Attended is "yes" or "no")
        {
            // YClients' answers are in our own bookings: a semi-join for the indexed dialogs; for the live tail (another
            // schema's context) the answers of the dialogs above the mark only.
            var answer = filter.Attended == "yes" ? 1 : 0; // 001 §4.6: 1 came, 0 did not come
            indexed = indexed.Where(f => f.BookingId != null
                && db.BookingVerifications.Any(b => b.SessionId == f.SessionId && b.YclientsAttendance == answer));
            var ids = await db.BookingVerifications.Where(b => b.YclientsAttendance == answer && b.SessionId > indexedUpTo)
                .Select(b => b.SessionId!.Value).Distinct().ToListAsync(cancellationToken);
            live = live.Where(s => s.BookingId != null && ids.Contains(s.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Word))
        {
            // Issue 24: the dialogs whose term this is, from our own dialog_words (the index job derives them with the
            // dialog, so the live tail has none yet), within the filter's days when it has them.
            var word = filter.Word.Trim();
            var words = db.DialogWords.Where(w => w.Term == word);
            if (ReportPeriod.TryParseDate(filter.From, out var first)) words = words.Where(w => w.Day >= first);
            if (ReportPeriod.TryParseDate(filter.To, out var last)) words = words.Where(w => w.Day <= last);
            indexed = indexed.Where(f => words.Any(w => w.SessionId == f.SessionId));
            var liveIds = await words.Where(w => w.SessionId > indexedUpTo).Select(w => w.SessionId).ToListAsync(cancellationToken);
            live = live.Where(s => liveIds.Contains(s.Id));
        }
        string? shortQuery = null;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            if (SessionFilter.IsShortQuery(filter.Q)) shortQuery = filter.Q;
            else indexed = search.Search(indexed, db, filter.Q);
        }
        return new Sources(indexed, live, scopeZones.Default, shortQuery);
    }

    /// <summary>The zone the list shows times in (the salon's, or the default for all salons).</summary>
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        (await zones.ForScopeAsync(tenant.RequireScope(), cancellationToken)).Default;

    /// <summary>
    /// How many dialogs match; null for a short search, which is never counted. With <paramref name="upTo"/>, each part is
    /// counted only past it (at most <paramref name="upTo"/> + 1 index entries each): a result above it means «more».
    /// </summary>
    public async Task<long?> CountAsync(SessionFilter filter, CancellationToken cancellationToken, int? upTo = null)
    {
        var sources = await SourcesAsync(filter, cancellationToken);
        if (sources.ShortQuery is not null) return null;
        if (upTo is { } cap)
            return await sources.Indexed.Take(cap + 1).LongCountAsync(cancellationToken) + await sources.Live.Take(cap + 1).LongCountAsync(cancellationToken);
        return await sources.Indexed.LongCountAsync(cancellationToken) + await sources.Live.LongCountAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="take"/> dialogs after <paramref name="cursor"/>, newest first (or oldest first when
    /// <paramref name="backwards"/>). For a short search, <c>Boundary</c> is the last dialog of the window it read when the
    /// window was full: the next page continues from there, whatever this one found.
    /// </summary>
    public async Task<(List<SessionRow> Rows, TimeZoneInfo Zone, SessionCursor? Boundary, bool ShortQuery)> PageAsync(
        SessionFilter filter, SessionCursor? cursor, bool backwards, int take, CancellationToken cancellationToken)
    {
        var sources = await SourcesAsync(filter, cancellationToken);
        var indexed = Walk(sources.Indexed, cursor, backwards);
        var live = Walk(sources.Live, cursor, backwards);
        SessionCursor? boundary = null;
        if (sources.ShortQuery is { } q)
        {
            var last = await indexed.Skip(ShortQueryWindow - 1).Select(f => new { f.StartedAt, f.SessionId }).FirstOrDefaultAsync(cancellationToken);
            if (last is not null)
            {
                boundary = new SessionCursor(last.StartedAt, last.SessionId);
                var b = boundary.Value;
                // The live tail only as far as the window reached, so the next page misses none of it.
                live = backwards
                    ? live.Where(s => s.StartedAt <= b.StartedAt && (s.StartedAt < b.StartedAt || s.Id <= b.Id))
                    : live.Where(s => s.StartedAt >= b.StartedAt && (s.StartedAt > b.StartedAt || s.Id >= b.Id));
            }
            indexed = search.Scan(indexed.Take(ShortQueryWindow), db.ClientFacts, q);
        }
        var rows = (await IndexedRow.Top(indexed, db.ClientFacts, backwards, take).ToListAsync(cancellationToken)).Select(r => r.ToRow())
            .Concat((await SessionRowData.From(live.Take(take)).ToListAsync(cancellationToken)).Select(r => r.ToRow()));
        var ordered = backwards ? rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id) : rows.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);
        return (ordered.Take(take).ToList(), sources.Zone, boundary, sources.ShortQuery is not null);
    }

    /// <summary>
    /// The first <paramref name="max"/> dialogs, newest first, as they are read (the export): the live tail read at once
    /// (it is short), the indexed dialogs streamed beside it. A short search reads the newest <paramref name="max"/> indexed dialogs.
    /// </summary>
    public async IAsyncEnumerable<SessionRow> StreamAsync(SessionFilter filter, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sources = await SourcesAsync(filter, cancellationToken);
        var indexed = Walk(sources.Indexed, null, false);
        if (sources.ShortQuery is { } q) indexed = search.Scan(indexed.Take(max), db.ClientFacts, q);
        var live = new Queue<SessionRow>((await SessionRowData.From(Walk(sources.Live, null, false).Take(max)).ToListAsync(cancellationToken))
            .Select(r => r.ToRow()));
        var sent = 0;
        await foreach (var row in IndexedRow.Top(indexed, db.ClientFacts, false, max).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var next = row.ToRow();
            while (sent < max && live.TryPeek(out var l) && (l.StartedAt, l.Id).CompareTo((next.StartedAt, next.Id)) > 0)
            {
                yield return live.Dequeue();
                sent++;
            }
            if (sent++ >= max) yield break;
            yield return next;
        }
        while (sent++ < max && live.TryDequeue(out var l)) yield return l;
    }

    // Keyset on (started_at, id). The plain bound on started_at is what lets an index start the scan at the cursor
    // (ix_dialog_facts_list; for the live tail its primary-key range); the OR only settles ties.
    private static IQueryable<DialogFacts> Walk(IQueryable<DialogFacts> facts, SessionCursor? cursor, bool backwards)
    {
        if (cursor is { } c)
            facts = backwards
                ? facts.Where(f => f.StartedAt >= c.StartedAt && (f.StartedAt > c.StartedAt || f.SessionId > c.Id))
                : facts.Where(f => f.StartedAt <= c.StartedAt && (f.StartedAt < c.StartedAt || f.SessionId < c.Id));
        return backwards ? facts.OrderBy(f => f.StartedAt).ThenBy(f => f.SessionId) : facts.OrderByDescending(f => f.StartedAt).ThenByDescending(f => f.SessionId);
    }

    private static IQueryable<ConversationSession> Walk(IQueryable<ConversationSession> sessions, SessionCursor? cursor, bool backwards)
    {
        if (cursor is { } c)
            sessions = backwards
                ? sessions.Where(s => s.StartedAt >= c.StartedAt && (s.StartedAt > c.StartedAt || s.Id > c.Id))
                : sessions.Where(s => s.StartedAt <= c.StartedAt && (s.StartedAt < c.StartedAt || s.Id < c.Id));
        return backwards ? sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Id) : sessions.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id);
    }
}
