using System.Linq.Expressions;
using System.Text.Json;
using AgentP.Application.Common;
using AgentP.Application.Overview;
using AgentP.Application.Sessions;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Sessions;

/// <summary>
/// The sessions filters in PostgreSQL's terms, each the collector's definition of the figure it drills into
/// (<see cref="Metrics.DailyMetricsSql"/>). The <paramref name="zones"/> of <see cref="Apply"/> turn the salon-local days into
/// instants, each salon's in its own zone. The meta filters test jsonb containment (<c>meta @&gt; '{"sentiment": …}'</c>),
/// which a GIN index on meta could serve; the salon and time range narrow the rows first (idx_sessions_started, or the
/// opt-in idx_sessions_tenant_started).
/// </summary>
public sealed class SessionSearch : ISessionSearch
{
    public IQueryable<ConversationSession> Apply(IQueryable<ConversationSession> sessions, SessionFilter f, ScopeZones zones)
    {
        DateOnly? from = ReportPeriod.TryParseDate(f.From, out var first) ? first : null;
        DateOnly? to = ReportPeriod.TryParseDate(f.To, out var last) ? last : null;
        if (from is not null || to is not null) sessions = Days(sessions, from, to, zones);
        if (Codes.TryParse<SessionStatus>(f.Status, out var status)) sessions = sessions.Where(s => s.FinalStatus == status);
        if (Codes.TryParse<Channel>(f.Channel, out var channel)) sessions = sessions.Where(s => s.Channel == channel);
        if (f.Booked == "yes") sessions = sessions.Where(s => s.BookingId != null);
        if (f.Booked == "no") sessions = sessions.Where(s => s.BookingId == null);
        if (f.Escalated == "yes") sessions = sessions.Where(s => s.FinalStatus == SessionStatus.Escalated);
        if (f.Escalated == "no") sessions = sessions.Where(s => s.FinalStatus != SessionStatus.Escalated);
        if (!string.IsNullOrWhiteSpace(f.Intent)) { var intent = f.Intent.Trim(); sessions = sessions.Where(s => s.FinalIntent == intent); }
        // meta is jsonb: containment of one documented key (the values are a closed set, so they go in as literals).
        if (Codes.TryParse<Domain.Common.Sentiment>(f.Sentiment, out var sentiment))
            sessions = sentiment switch
            {
                Domain.Common.Sentiment.Positive => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "positive"}""")),
                Domain.Common.Sentiment.Neutral => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "neutral"}""")),
                _ => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"sentiment": "negative"}""")),
            };
        if (SessionFilter.TryParseStage(f.Stage, out var stage, out var past))
            sessions = past ? PastStage(sessions, stage) : stage switch
            {
                DropOffStage.ServiceSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "service_selection"}""")),
                DropOffStage.StaffSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "staff_selection"}""")),
                DropOffStage.DateSelection => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "date_selection"}""")),
                _ => sessions.Where(s => EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "time_selection"}""")),
            };
        if (f.Stage == SessionFilter.Completed)
            // The collector's funnel_completed: meta->>'drop_off_stage' IS NULL (no key, or a JSON null) OR final_status = 'done'.
            sessions = sessions.Where(s => s.FinalStatus == SessionStatus.Done || !EF.Functions.JsonExists(s.Meta, "drop_off_stage")
                || EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": null}"""));
        if (!string.IsNullOrWhiteSpace(f.Service))
        {
            // A name in the array meta.services_mentioned (the collector reads it only when it is an array, as containment does).
            var service = JsonSerializer.Serialize(new { services_mentioned = new[] { f.Service.Trim() } });
            sessions = sessions.Where(s => EF.Functions.JsonContains(s.Meta, service));
        }
        if (!string.IsNullOrWhiteSpace(f.Staff))
        {
            // coalesce(meta->>'staff_name', meta->>'staff_id'): the name, else the id (written as text or as a number).
            var staff = f.Staff.Trim();
            var byName = JsonSerializer.Serialize(new { staff_name = staff });
            var byId = JsonSerializer.Serialize(new { staff_id = staff });
            var byNumber = long.TryParse(staff, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == staff
                ? JsonSerializer.Serialize(new { staff_id = number }) : byId;
            sessions = sessions.Where(s => EF.Functions.JsonContains(s.Meta, byName)
                || (!EF.Functions.JsonExists(s.Meta, "staff_name") && (EF.Functions.JsonContains(s.Meta, byId) || EF.Functions.JsonContains(s.Meta, byNumber))));
        }
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

    /// <summary>
    /// A funnel bar: the dialogs not dropped at <paramref name="stage"/> nor at any stage before it, as the Overview's
    /// dialogs minus the drop-offs up to it (a dialog without <c>drop_off_stage</c> got past every stage).
    /// </summary>
    private static IQueryable<ConversationSession> PastStage(IQueryable<ConversationSession> sessions, DropOffStage stage)
    {
        sessions = sessions.Where(s => !EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "service_selection"}"""));
        if (stage >= DropOffStage.StaffSelection) sessions = sessions.Where(s => !EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "staff_selection"}"""));
        if (stage >= DropOffStage.DateSelection) sessions = sessions.Where(s => !EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "date_selection"}"""));
        if (stage >= DropOffStage.TimeSelection) sessions = sessions.Where(s => !EF.Functions.JsonContains(s.Meta, """{"drop_off_stage": "time_selection"}"""));
        return sessions;
    }

    /// <summary>
    /// Dialogs started from local day <paramref name="from"/> to the end of local day <paramref name="to"/>, each salon's in
    /// its own zone, as the collector counts them. With salons in several zones: the widest bounds as plain constants (what
    /// lets the started_at index bound the scan), then each zone's exact bounds for its salons.
    /// </summary>
    private static IQueryable<ConversationSession> Days(IQueryable<ConversationSession> sessions, DateOnly? from, DateOnly? to, ScopeZones zones)
    {
        var bounds = zones.Salons.GroupBy(z => z.Value.Id)
            .Select(g => (Ids: g.Select(z => z.Key).ToList(), Bounds: Bounds(from, to, g.First().Value)))
            .ToList();
        var others = Bounds(from, to, zones.Default);
        if (bounds.Count == 0) return Between(sessions, others.Start, others.End);

        var starts = bounds.Select(b => b.Bounds.Start).Append(others.Start).ToList();
        var ends = bounds.Select(b => b.Bounds.End).Append(others.End).ToList();
        sessions = Between(sessions, starts.Min(), ends.Max());

        var listed = zones.Salons.Keys.ToList();
        Expression<Func<ConversationSession, bool>> rest = s => !listed.Contains(s.TenantId);
        var predicate = And(rest, Range(others.Start, others.End));
        foreach (var (ids, (start, end)) in bounds)
        {
            Expression<Func<ConversationSession, bool>> these = s => ids.Contains(s.TenantId);
            predicate = Or(predicate, And(these, Range(start, end)));
        }
        return sessions.Where(predicate);
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End) Bounds(DateOnly? from, DateOnly? to, TimeZoneInfo zone) =>
        (from is { } f ? LocalDay.StartOf(f, zone) : null, to is { } t ? LocalDay.StartOf(t.AddDays(1), zone) : null);

    private static IQueryable<ConversationSession> Between(IQueryable<ConversationSession> sessions, DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is { } s0) sessions = sessions.Where(s => s.StartedAt >= s0);
        if (end is { } e0) sessions = sessions.Where(s => s.StartedAt < e0);
        return sessions;
    }

    private static Expression<Func<ConversationSession, bool>> Range(DateTimeOffset? start, DateTimeOffset? end)
    {
        Expression<Func<ConversationSession, bool>> range = s => true;
        if (start is { } s0) range = And(range, s => s.StartedAt >= s0);
        if (end is { } e0) range = And(range, s => s.StartedAt < e0);
        return range;
    }

    private static Expression<Func<ConversationSession, bool>> And(Expression<Func<ConversationSession, bool>> a, Expression<Func<ConversationSession, bool>> b) =>
        Expression.Lambda<Func<ConversationSession, bool>>(Expression.AndAlso(a.Body, Rebind(b, a.Parameters[0])), a.Parameters);

    private static Expression<Func<ConversationSession, bool>> Or(Expression<Func<ConversationSession, bool>> a, Expression<Func<ConversationSession, bool>> b) =>
        Expression.Lambda<Func<ConversationSession, bool>>(Expression.OrElse(a.Body, Rebind(b, a.Parameters[0])), a.Parameters);

    private static Expression Rebind(Expression<Func<ConversationSession, bool>> lambda, ParameterExpression parameter) =>
        Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(lambda.Parameters[0], parameter, lambda.Body);
}
