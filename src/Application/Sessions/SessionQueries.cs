using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>
/// The dialogs of a filter in the unit of work's scope, newest-first order left to the caller; the list and its export
/// share it. The attendance filter reads YClients' answers from our own <c>bookings</c> (another schema, so another query:
/// the ids of the scope's bookings with that answer), as the collector's attendance figures join them.
/// </summary>
public sealed class SessionQueries(IPublicData bot, IDashboardDb db, ISessionSearch search, ITenantContext tenant, TenantTimeZones zones)
{
    /// <returns>The query and the zone the list shows times in (the salon's, or the default for all salons).</returns>
    public async Task<(IQueryable<Domain.Bot.ConversationSession> Query, TimeZoneInfo Zone)> FilterAsync(SessionFilter filter, CancellationToken cancellationToken)
    {
        var scopeZones = await zones.ForScopeAsync(tenant.RequireScope(), cancellationToken);
        var query = search.Apply(bot.Sessions, filter, scopeZones);
        if (filter.Attended is "yes" or "no")
        {
            var answer = filter.Attended == "yes" ? 1 : 0; // 001 §4.6: 1 came, 0 did not come
            var ids = await db.BookingVerifications.Where(b => b.YclientsAttendance == answer && b.SessionId != null)
                .Select(b => b.SessionId!.Value).Distinct().ToListAsync(cancellationToken);
            query = query.Where(s => s.BookingId != null && ids.Contains(s.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Word))
        {
            // Issue 24: the dialogs whose term this is, from our own dialog_words (another schema: their ids first, as for
            // attendance), within the filter's days when it has them.
            var word = filter.Word.Trim();
            var words = db.DialogWords.Where(w => w.Term == word);
            if (ReportPeriod.TryParseDate(filter.From, out var first)) words = words.Where(w => w.Day >= first);
            if (ReportPeriod.TryParseDate(filter.To, out var last)) words = words.Where(w => w.Day <= last);
            var ids = await words.Select(w => w.SessionId).ToListAsync(cancellationToken);
            query = query.Where(s => ids.Contains(s.Id));
        }
        return (query, scopeZones.Default);
    }
}
