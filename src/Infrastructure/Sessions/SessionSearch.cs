using System.Linq.Expressions;
using System.Text.Json;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using AgentP.Application.Sessions;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

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
    public IQueryable<ConversationSession> Apply(IQueryable<ConversationSession> sessions, SessionFilter f, ScopeZones zones, ScopeHours? hours)
    {
        DateOnly? from = ReportPeriod.TryParseDate(f.From, out var first) ? first : null;
        DateOnly? to = ReportPeriod.TryParseDate(f.To, out var last) ? last : null;
        if (from is not null || to is not null) sessions = Days(sessions, s => s.TenantId, s => s.StartedAt, from, to, zones);
        if (Codes.TryParse<SessionStatus>(f.Status, out var status)) sessions = sessions.Where(s => s.FinalStatus == status);
        if (Codes.TryParse<Channel>(f.Channel, out var channel)) sessions = sessions.Where(s => s.Channel == channel);
        if (f.Booked == "yes") sessions = sessions.Where(s => s.BookingId != null);
        if (f.Booked == "no") sessions = sessions.Where(s => s.BookingId == null);
        if (f.Escalated == "yes") sessions = sessions.Where(s => s.FinalStatus == SessionStatus.Escalated);
        if (f.Escalated == "no") sessions = sessions.Where(s => s.FinalStatus != SessionStatus.Escalated);
        if (f.AfterHours is "yes" or "no") sessions = sessions.Where(InHours<ConversationSession>(s => s.TenantId, s => s.StartedAt, f.AfterHours == "no", zones, hours));
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
            // The text is literal: % and _ match themselves. Phones match whatever spaces, dashes, brackets and + they are
            // written with (the client index keeps their digits only).
            var (pattern, phonePattern) = Patterns(f.Q);
            sessions = sessions.Where(s =>
                EF.Functions.ILike(s.Summary ?? "", pattern, "\\") || EF.Functions.ILike(s.FinalSummary ?? "", pattern, "\\")
                || EF.Functions.ILike(s.Client!.FullName ?? "", pattern, "\\")
                || (phonePattern != null && EF.Functions.Like(
                    (s.Client!.Phone ?? "").Replace(" ", "").Replace("-", "").Replace("+", "").Replace("(", "").Replace(")", ""), phonePattern)));
        }
        return sessions;
    }

    public IQueryable<DialogFacts> Apply(IQueryable<DialogFacts> facts, SessionFilter f, ScopeZones zones, ScopeHours? hours)
    {
        // The index keeps each filter's value in a column of its own (DialogIndex), as the collector reads the meta keys.
        DateOnly? from = ReportPeriod.TryParseDate(f.From, out var first) ? first : null;
        DateOnly? to = ReportPeriod.TryParseDate(f.To, out var last) ? last : null;
        if (from is not null || to is not null) facts = Days(facts, x => x.TenantId, x => x.StartedAt, from, to, zones);
        if (Codes.TryParse<SessionStatus>(f.Status, out var status)) facts = facts.Where(x => x.Status == status);
        if (Codes.TryParse<Channel>(f.Channel, out var channel)) facts = facts.Where(x => x.Channel == channel);
        if (f.Booked == "yes") facts = facts.Where(x => x.BookingId != null);
        if (f.Booked == "no") facts = facts.Where(x => x.BookingId == null);
        if (f.Escalated == "yes") facts = facts.Where(x => x.Status == SessionStatus.Escalated);
        if (f.Escalated == "no") facts = facts.Where(x => x.Status != SessionStatus.Escalated);
        if (f.AfterHours is "yes" or "no") facts = facts.Where(InHours<DialogFacts>(x => x.TenantId, x => x.StartedAt, f.AfterHours == "no", zones, hours));
        if (!string.IsNullOrWhiteSpace(f.Intent)) { var intent = f.Intent.Trim(); facts = facts.Where(x => x.Intent == intent); }
        if (Codes.TryParse<Domain.Common.Sentiment>(f.Sentiment, out var sentiment))
        {
            var code = sentiment.ToCode();
            facts = facts.Where(x => x.Sentiment == code);
        }
        if (SessionFilter.TryParseStage(f.Stage, out var stage, out var past))
        {
            if (past)
            {
                // Not dropped at this stage nor any before it (a dialog without a stage got past every one).
                var before = Enum.GetValues<DropOffStage>().Where(s => s <= stage).Select(s => s.ToCode()).ToList();
                facts = facts.Where(x => x.Stage == null || !before.Contains(x.Stage));
            }
            else
            {
                var code = stage.ToCode();
                facts = facts.Where(x => x.Stage == code);
            }
        }
        if (f.Stage == SessionFilter.Completed)
            // The collector's funnel_completed: no drop-off stage, or ended done (the index keeps a string stage only).
            facts = facts.Where(x => x.Status == SessionStatus.Done || x.Stage == null);
        if (!string.IsNullOrWhiteSpace(f.Service))
        {
            // services @> ARRAY[name]: what the GIN index on services serves.
            var service = new List<string> { f.Service.Trim() };
            facts = facts.Where(x => service.All(n => x.Services!.Contains(n)));
        }
        if (!string.IsNullOrWhiteSpace(f.Staff)) { var staff = f.Staff.Trim(); facts = facts.Where(x => x.Staff == staff); }
        return facts;
    }

    public IQueryable<DialogFacts> Search(IQueryable<DialogFacts> facts, IDashboardDb db, string q)
    {
        // Two arms joined by UNION, each a search function's (their trigram indexes): the dialogs whose summaries match,
        // and the dialogs of the clients whose name or phone digits match (then ix_dialog_facts_user_id_…). One OR over
        // both would leave the planner nothing but a pass over the salon's dialogs. The functions apply the scope
        // themselves (a plain ILIKE under row-level security cannot use the indexes); the outer query's policy applies too.
        var (pattern, phonePattern) = Patterns(q);
        var dialogs = db.SearchDialogs(pattern);
        var clients = db.SearchClients(pattern, phonePattern);
        return facts.Where(x => dialogs.Contains(x.SessionId)).Union(facts.Where(x => clients.Contains(x.UserId)));
    }

    public IQueryable<DialogFacts> Scan(IQueryable<DialogFacts> window, IQueryable<ClientFacts> clients, string q)
    {
        var (pattern, phonePattern) = Patterns(q);
        var matching = Clients(clients, pattern, phonePattern);
        // The client by its key, for each row of the window.
        return window.Where(x => EF.Functions.ILike(x.Summary!, pattern, "\\") || EF.Functions.ILike(x.FinalSummary!, pattern, "\\")
                                 || matching.Any(c => c.ClientId == x.UserId));
    }

    private static IQueryable<ClientFacts> Clients(IQueryable<ClientFacts> clients, string pattern, string? phonePattern) =>
        // A short query's window: each row's client by its key, tested row by row (a null matches nothing).
        phonePattern is null
            ? clients.Where(c => EF.Functions.ILike(c.Name!, pattern, "\\"))
            : clients.Where(c => EF.Functions.ILike(c.Name!, pattern, "\\") || EF.Functions.Like(c.PhoneDigits!, phonePattern));

    /// <summary>The literal text as an ILIKE pattern, and its digits as a LIKE pattern on phone digits when there are three or more.</summary>
    private static (string Pattern, string? Phone) Patterns(string q)
    {
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        return ("%" + SessionFilter.LikeEscape(q.Trim()) + "%", digits.Length >= 3 ? "%" + digits + "%" : null);
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
    /// The dialogs started within (<paramref name="within"/>) or outside their salon's opening hours, as the collector's
    /// after-hours figures count them (<c>DailyMetricsSql.ValueSelect</c>): the start's local time and weekday in the salon's
    /// zone (<c>started_at AT TIME ZONE …</c>) against its hours. One condition per set of salons sharing a zone and hours,
    /// the salons of neither list under the scope's defaults; outside is the negation of within, as each row is in one set.
    /// </summary>
    private static Expression<Func<T, bool>> InHours<T>(Expression<Func<T, Guid>> tenantOf, Expression<Func<T, DateTimeOffset>> startOf,
        bool within, ScopeZones zones, ScopeHours? hours)
    {
        if (hours is null) throw new InvalidOperationException("The after-hours filter needs the scope's opening hours.");
        var listed = zones.Salons.Keys.Union(hours.Salons.Keys).ToList();
        var open = Open(startOf, zones.Default, hours.Default);
        if (listed.Count > 0)
        {
            open = And(Apply(tenantOf, t => !listed.Contains(t)), open);
            foreach (var set in listed.GroupBy(id => (Zone: zones.Of(id), Hours: hours.Of(id))))
            {
                var ids = set.ToList();
                open = Or(open, And(Apply(tenantOf, t => ids.Contains(t)), Open(startOf, set.Key.Zone, set.Key.Hours)));
            }
        }
        return within ? open : Expression.Lambda<Func<T, bool>>(Expression.Not(open.Body), open.Parameters);
    }

    /// <summary>A start within <paramref name="hours"/> in <paramref name="zone"/>: a condition per distinct day's hours, with its weekdays.</summary>
    private static Expression<Func<T, bool>> Open<T>(Expression<Func<T, DateTimeOffset>> startOf, TimeZoneInfo zone, OpeningHours hours)
    {
        var zoneId = zone.Id;
        var days = hours.Days.Select((h, i) => (Hours: h, Weekday: (int)(DayOfWeek)((i + 1) % 7))).Where(d => d.Hours is not null)
            .GroupBy(d => d.Hours!.Value).ToList();
        var open = Apply(startOf, _ => false);
        foreach (var day in days)
        {
            var (from, until) = day.Key;
            // UtcDateTime of a timestamptz column is the column itself; its conversion to the zone, PostgreSQL's AT TIME ZONE.
            if (day.Count() == 7)
                return Apply(startOf, at => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(at.UtcDateTime, zoneId)) >= from
                                            && TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(at.UtcDateTime, zoneId)) < until);
            var weekdays = day.Select(d => d.Weekday).ToList();
            open = Or(open, Apply(startOf, at => weekdays.Contains((int)TimeZoneInfo.ConvertTimeBySystemTimeZoneId(at.UtcDateTime, zoneId).DayOfWeek)
                                                 && TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(at.UtcDateTime, zoneId)) >= from
                                                 && TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(at.UtcDateTime, zoneId)) < until));
        }
        return open;
    }

    /// <summary>
    /// Dialogs started from local day <paramref name="from"/> to the end of local day <paramref name="to"/>, each salon's in
    /// its own zone, as the collector counts them. With salons in several zones: the widest bounds as plain constants (what
    /// lets the started_at index bound the scan), then each zone's exact bounds for its salons. The same for the bot's rows
    /// and the index's (<paramref name="tenantOf"/>, <paramref name="startOf"/> say where a row keeps its salon and start).
    /// </summary>
    private static IQueryable<T> Days<T>(IQueryable<T> rows, Expression<Func<T, Guid>> tenantOf, Expression<Func<T, DateTimeOffset>> startOf,
        DateOnly? from, DateOnly? to, ScopeZones zones)
    {
        var bounds = zones.Salons.GroupBy(z => z.Value.Id)
            .Select(g => (Ids: g.Select(z => z.Key).ToList(), Bounds: Bounds(from, to, g.First().Value)))
            .ToList();
        var others = Bounds(from, to, zones.Default);
        if (bounds.Count == 0) return rows.Where(Range(startOf, others.Start, others.End));

        var starts = bounds.Select(b => b.Bounds.Start).Append(others.Start).ToList();
        var ends = bounds.Select(b => b.Bounds.End).Append(others.End).ToList();
        rows = rows.Where(Range(startOf, starts.Min(), ends.Max()));

        var listed = zones.Salons.Keys.ToList();
        var predicate = And(Apply(tenantOf, t => !listed.Contains(t)), Range(startOf, others.Start, others.End));
        foreach (var (ids, (start, end)) in bounds)
            predicate = Or(predicate, And(Apply(tenantOf, t => ids.Contains(t)), Range(startOf, start, end)));
        return rows.Where(predicate);
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End) Bounds(DateOnly? from, DateOnly? to, TimeZoneInfo zone) =>
        (from is { } f ? LocalDay.StartOf(f, zone) : null, to is { } t ? LocalDay.StartOf(t.AddDays(1), zone) : null);

    private static Expression<Func<T, bool>> Range<T>(Expression<Func<T, DateTimeOffset>> startOf, DateTimeOffset? start, DateTimeOffset? end)
    {
        var range = Apply(startOf, _ => true);
        if (start is { } s0) range = And(range, Apply(startOf, at => at >= s0));
        if (end is { } e0) range = And(range, Apply(startOf, at => at < e0));
        return range;
    }

    /// <summary>A condition on a row's value: <paramref name="test"/> of <paramref name="value"/>'s body.</summary>
    private static Expression<Func<T, bool>> Apply<T, TValue>(Expression<Func<T, TValue>> value, Expression<Func<TValue, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(test.Parameters[0], value.Body, test.Body), value.Parameters);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(a.Body, Rebind(b, a.Parameters[0])), a.Parameters);

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, Rebind(b, a.Parameters[0])), a.Parameters);

    private static Expression Rebind<T>(Expression<Func<T, bool>> lambda, ParameterExpression parameter) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], parameter, lambda.Body);
}
