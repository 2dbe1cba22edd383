using AgentP.Application.Overview;
using AgentP.Application.Sessions;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Sessions;

/// <summary>
/// The sessions filters in PostgreSQL's terms. <paramref name="zone"/> of <see cref="Apply"/> turns the salon-local
/// days into instants. The sentiment/stage filters test jsonb containment (<c>meta @&gt; '{"sentiment": …}'</c>), which
/// a GIN index on meta could serve; the salon and time range narrow the rows first.
/// </summary>
public sealed class SessionSearch : ISessionSearch
{
    public IQueryable<ConversationSession> Apply(IQueryable<ConversationSession> sessions, SessionFilter f, TimeZoneInfo zone)
    {
        if (ReportPeriod.TryParseDate(f.From, out var from)) { var start = LocalDay.StartOf(from, zone); sessions = sessions.Where(s => s.StartedAt >= start); }
        if (ReportPeriod.TryParseDate(f.To, out var to)) { var end = LocalDay.StartOf(to.AddDays(1), zone); sessions = sessions.Where(s => s.StartedAt < end); }
        if (Codes.TryParse<SessionStatus>(f.Status, out var status)) sessions = sessions.Where(s => s.FinalStatus == status);
        if (Codes.TryParse<Channel>(f.Channel, out var channel)) sessions = sessions.Where(s => s.Channel == channel);
        if (f.Booked == "yes") sessions = sessions.Where(s => s.BookingId != null);
        if (f.Booked == "no") sessions = sessions.Where(s => s.BookingId == null);
        if (!string.IsNullOrWhiteSpace(f.Intent)) { var intent = f.Intent.Trim(); sessions = sessions.Where(s => s.FinalIntent == intent); }
        // meta is jsonb: containment of one documented key (the values are a closed set, so they go in as literals).
        if (Codes.TryParse<Domain.Common.Sentiment>(f.Sentiment, out var sentiment))
            sessions = sentiment switch
            {
                Domain.Common.Sentiment.Positive => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "positive"}""")),
                Domain.Common.Sentiment.Neutral => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "neutral"}""")),
                _ => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "negative"}""")),
            };
        if (Codes.TryParse<DropOffStage>(f.Stage, out var stage))
            sessions = stage switch
            {
                DropOffStage.ServiceSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "service_selection"}""")),
                DropOffStage.StaffSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "staff_selection"}""")),
                DropOffStage.DateSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "date_selection"}""")),
                _ => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "time_selection"}""")),
            };
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // The text is literal: % and _ match themselves. Phones match whatever spaces, dashes and + they are written with.
            var pattern = "%" + SessionFilter.LikeEscape(f.Q.Trim()) + "%";
            var digits = new string(f.Q.Where(char.IsDigit).ToArray());
            var phonePattern = digits.Length >= 3 ? "%" + digits + "%" : null;
            sessions = sessions.Where(s =>
                EF.Functions.ILike(s.Summary ?? "", pattern, "\\") || EF.Functions.ILike(s.FinalSummary ?? "", pattern, "\\")
                || EF.Functions.ILike(s.Client!.FullName ?? "", pattern, "\\")
                || (phonePattern != null && EF.Functions.Like(
                    (s.Client!.Phone ?? "").Replace(" ", "").Replace("-", "").Replace("+", "").Replace("(", "").Replace(")", ""), phonePattern)));
        }
        return sessions;
    }

}
