using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
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

    /// <summary>
    /// How far a filter without a countable range (<see cref="SessionFilter.IsCountable"/>) is counted: its count reads at
    /// most this many index entries more, whatever the salon's history, and says «more than» beyond.
    /// </summary>
    public const int CountCap = 10_000;
}

/// <param name="Count">How many dialogs match the filter (at most <see cref="GetSessions.CountCap"/> without a countable range); null for a short search.</param>
public sealed record SessionPage(IReadOnlyList<SessionRow> Rows, string? NextCursor, string? PreviousCursor, string TimeZone, long? Count = null)
{
    /// <summary>
    /// The search is too short for the index (<see cref="SessionFilter.IsShortQuery"/>): the page searched a window of the
    /// newest dialogs (<see cref="SessionQueries.ShortQueryWindow"/>) and counts nothing; the next page searches on.
    /// </summary>
    public bool ShortQuery { get; init; }

    /// <summary>More dialogs match than <see cref="Count"/> (<see cref="GetSessions.CountCap"/>): the range was not countable.</summary>
    public bool CountIsAtLeast { get; init; }
}

public sealed record SessionRow(
    long Id, DateTimeOffset StartedAt, Guid ClientId, string? ClientName, Channel Channel, SessionStatus Status, string? Intent,
    int? DurationSec, int? Messages, string? BookingId, decimal? BookingAmount, string? BookingCurrency, Sentiment? Sentiment, DropOffStage? Stage,
    string? Summary, string? Salon = null, Guid SalonId = default);

/// <summary>What a list row reads from the database (the typed meta included), before it becomes a <see cref="SessionRow"/>.</summary>
internal sealed record SessionRowData(
    long Id, DateTimeOffset StartedAt, Guid ClientId, string? ClientName, Channel Channel, SessionStatus Status, string? Intent,
    int? DurationSec, int? Messages, string? BookingId, decimal? BookingAmount, string? BookingCurrency, SessionMeta Meta, string? Summary,
    Guid SalonId)
{
    public static IQueryable<SessionRowData> From(IQueryable<ConversationSession> sessions) =>
        sessions.Select(s => new SessionRowData(s.Id, s.StartedAt, s.UserId, s.Client!.FullName, s.Channel, s.FinalStatus, s.FinalIntent,
            s.DurationSec, s.MessagesCount, s.BookingId, s.BookingAmount, s.BookingCurrency, s.Meta, s.Summary ?? s.FinalSummary, s.TenantId));

    public SessionRow ToRow() => new(Id, StartedAt, ClientId, ClientName, Channel, Status, Intent, DurationSec, Messages,
        BookingId, BookingAmount, BookingCurrency, Meta.Sentiment, Meta.DropOffStage, Summary, null, SalonId);
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

public sealed class GetSessionsHandler(SessionQueries sessions, ScopedCache cache, ITenantContext tenant, SalonDirectory salons)
    : IRequestHandler<GetSessions, SessionPage>
{
    public async Task<SessionPage> Handle(GetSessions request, CancellationToken cancellationToken)
    {
        // Counted exactly within a report's range of days, so the count is bounded like the figure it stands beside; and as
        // costly as such a figure over a long range (every matching dialog of the salon's 90 days), so reused like one.
        // Without such a range only up to CountCap (more reads «more than»): bounded whatever the history. A short search
        // is never counted (SessionQueries.CountAsync).
        var f = request.Filter;
        var cap = f.IsCountable ? (int?)null : GetSessions.CountCap;
        long? count = await cache.GetAsync(CacheTags.Figures, async ct => await sessions.CountAsync(f, ct, cap), cancellationToken,
            "sessions-count", f); // keyed by the whole filter record: every field of it, a new one too
        var atLeast = count > cap;
        if (atLeast) count = cap;
        var backwards = SessionCursor.TryParse(request.Before, out var before);
        SessionCursor? cursor = backwards ? before : SessionCursor.TryParse(request.After, out var after) ? after : null;

        var (fetched, zone, boundary, shortQuery) = await sessions.PageAsync(f, cursor, backwards, GetSessions.PageSize + 1, cancellationToken);
        var more = fetched.Count > GetSessions.PageSize;
        if (more) fetched.RemoveAt(fetched.Count - 1);
        if (backwards) fetched.Reverse();
        var page = fetched;
        if (tenant.RequireScope() is null)
        {
            // The all-salons view names each row's salon.
            var names = await salons.NamesAsync(page.Select(r => r.SalonId), cancellationToken);
            page = page.Select(r => r with { Salon = names.GetValueOrDefault(r.SalonId) }).ToList();
        }

        // A next page exists after a backwards step by definition (we came from it); before a forward one, when we moved.
        // A short search whose window was full goes on past it, from its boundary, even when this page found nothing.
        var hasNext = backwards || more || boundary is not null;
        var hasPrevious = backwards ? more || boundary is not null : request.After is not null;
        string? next = null, previous = null;
        if (hasNext)
            next = !backwards && !more && boundary is { } b ? b.ToString()
                : page.Count > 0 ? new SessionCursor(page[^1].StartedAt, page[^1].Id).ToString() : backwards ? request.Before : null;
        if (hasPrevious)
            previous = backwards && !more && boundary is { } b ? b.ToString()
                : page.Count > 0 ? new SessionCursor(page[0].StartedAt, page[0].Id).ToString() : !backwards ? request.After : null;
        return new SessionPage(page, next, previous, zone.Id, count) { ShortQuery = shortQuery, CountIsAtLeast = atLeast };
    }
}
