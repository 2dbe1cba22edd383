using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>
/// A page of dialogs, newest first, with keyset paging: <see cref="After"/> / <see cref="Before"/> are cursors of the
/// last / first row of the page the user comes from, so page 1000 costs what page 1 costs. With a range of whole days (both
/// ends, at most a report's <see cref="Overview.ReportPeriod.MaxDays"/>) the page also says how many dialogs match: the
/// number an Overview figure links here with (<see cref="SessionPage.Count"/>).
/// </summary>
[Authorize]
public sealed record GetSessions(SessionFilter Filter, string? After = null, string? Before = null, Guid? TenantId = null)
    : IRequest<SessionPage>, IAllowsAllTenants
{
    public const int PageSize = 50;
}

/// <param name="Count">How many dialogs match the filter; null without a countable range (<see cref="SessionFilter.IsCountable"/>).</param>
public sealed record SessionPage(IReadOnlyList<SessionRow> Rows, string? NextCursor, string? PreviousCursor, string TimeZone, long? Count = null);

public sealed record SessionRow(
    long Id, DateTimeOffset StartedAt, Guid ClientId, string? ClientName, Channel Channel, SessionStatus Status, string? Intent,
    int? DurationSec, int? Messages, string? BookingId, decimal? BookingAmount, string? BookingCurrency, Sentiment? Sentiment, DropOffStage? Stage,
    string? Summary);

/// <summary>What a list row reads from the database (the typed meta included), before it becomes a <see cref="SessionRow"/>.</summary>
internal sealed record SessionRowData(
    long Id, DateTimeOffset StartedAt, Guid ClientId, string? ClientName, Channel Channel, SessionStatus Status, string? Intent,
    int? DurationSec, int? Messages, string? BookingId, decimal? BookingAmount, string? BookingCurrency, SessionMeta Meta, string? Summary)
{
    public static IQueryable<SessionRowData> From(IQueryable<ConversationSession> sessions) =>
        sessions.Select(s => new SessionRowData(s.Id, s.StartedAt, s.UserId, s.Client!.FullName, s.Channel, s.FinalStatus, s.FinalIntent,
            s.DurationSec, s.MessagesCount, s.BookingId, s.BookingAmount, s.BookingCurrency, s.Meta, s.Summary ?? s.FinalSummary));

    public SessionRow ToRow() => new(Id, StartedAt, ClientId, ClientName, Channel, Status, Intent, DurationSec, Messages,
        BookingId, BookingAmount, BookingCurrency, Meta.Sentiment, Meta.DropOffStage, Summary);
}

/// <summary>A position in the newest-first order: (started_at, id), unique even when timestamps repeat.</summary>
public readonly record struct SessionCursor(DateTimeOffset StartedAt, long Id)
{
    public override string ToString() => $"{StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out SessionCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new SessionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public sealed class GetSessionsValidator : AbstractValidator<GetSessions>
{
    public GetSessionsValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new SessionFilterValidator());
        RuleFor(x => x.After).Must(c => c is null || SessionCursor.TryParse(c, out _)).WithMessage("Неверная ссылка на страницу.");
        RuleFor(x => x.Before).Must(c => c is null || SessionCursor.TryParse(c, out _)).WithMessage("Неверная ссылка на страницу.");
    }
}

public sealed class GetSessionsHandler(SessionQueries sessions, ScopedCache cache) : IRequestHandler<GetSessions, SessionPage>
{
    public async Task<SessionPage> Handle(GetSessions request, CancellationToken cancellationToken)
    {
        var (query, zone) = await sessions.FilterAsync(request.Filter, cancellationToken);
        // Counted only within a report's range of days, so the count is bounded like the figure it stands beside; and as
        // costly as such a figure over a long range (every matching dialog of the salon's 90 days), so reused like one.
        var f = request.Filter; // each field its own key part: quoted, so no value can pass for another's
        long? count = f.IsCountable
            ? await cache.GetAsync(CacheTags.Figures, ct => query.LongCountAsync(ct), cancellationToken, "sessions-count",
                f.From, f.To, f.Status, f.Channel, f.Booked, f.Intent, f.Sentiment, f.Stage, f.Q, f.Service, f.Staff, f.Escalated, f.Attended, f.Word)
            : null;
        var backwards = SessionCursor.TryParse(request.Before, out var before);

        // Keyset on (started_at, id). The plain bound on started_at is what lets an index start the scan at the cursor
        // (idx_sessions_tenant_started from public-indexes.sql, else idx_sessions_started); the OR only settles ties.
        if (backwards)
            query = query.Where(s => s.StartedAt >= before.StartedAt && (s.StartedAt > before.StartedAt || s.Id > before.Id))
                .OrderBy(s => s.StartedAt).ThenBy(s => s.Id);
        else if (SessionCursor.TryParse(request.After, out var after))
            query = query.Where(s => s.StartedAt <= after.StartedAt && (s.StartedAt < after.StartedAt || s.Id < after.Id))
                .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id);
        else
            query = query.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id);

        var fetched = await SessionRowData.From(query.Take(GetSessions.PageSize + 1)).ToListAsync(cancellationToken);
        var more = fetched.Count > GetSessions.PageSize;
        if (more) fetched.RemoveAt(fetched.Count - 1);
        if (backwards) fetched.Reverse();
        var page = fetched.Select(r => r.ToRow()).ToList();

        // A next page exists after a backwards step by definition (we came from it); before a forward one, when we moved.
        var hasNext = backwards || more;
        var hasPrevious = backwards ? more : request.After is not null;
        return new SessionPage(page,
            hasNext && page.Count > 0 ? new SessionCursor(page[^1].StartedAt, page[^1].Id).ToString() : null,
            hasPrevious && page.Count > 0 ? new SessionCursor(page[0].StartedAt, page[0].Id).ToString() : null,
            zone.Id, count);
    }
}
