using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Sessions;

/// <summary>
/// What a list row reads from the dialog index: the dialog's own columns, and its client's name as the client index keeps it
/// (the bot's current name, within a minute of a change).
/// </summary>
internal sealed record IndexedRow(
    long Id, DateTimeOffset StartedAt, Guid ClientId, string? ClientName, Channel Channel, SessionStatus Status, string? Intent,
    int? DurationSec, int? Messages, string? BookingId, decimal? BookingAmount, string? BookingCurrency, string? Sentiment, string? Stage,
    string? Summary, Guid SalonId)
{
    /// <summary>The first <paramref name="take"/> of <paramref name="facts"/> in the list's order, each with its client by key.</summary>
    public static IQueryable<IndexedRow> Top(IQueryable<DialogFacts> facts, IQueryable<ClientFacts> clients, bool ascending, int take)
    {
        var top = (ascending ? facts.OrderBy(f => f.StartedAt).ThenBy(f => f.SessionId) : facts.OrderByDescending(f => f.StartedAt).ThenByDescending(f => f.SessionId))
            .Take(take);
        var joined = from f in top
                     join c in clients on f.UserId equals c.ClientId into named
                     from c in named.DefaultIfEmpty()
                     select new { f, Name = c!.Name };
        var ordered = ascending
            ? joined.OrderBy(x => x.f.StartedAt).ThenBy(x => x.f.SessionId)
            : joined.OrderByDescending(x => x.f.StartedAt).ThenByDescending(x => x.f.SessionId);
        return ordered.Select(x => new IndexedRow(x.f.SessionId, x.f.StartedAt, x.f.UserId, x.Name, x.f.Channel, x.f.Status, x.f.Intent,
            x.f.DurationSec, x.f.MessagesCount, x.f.BookingId, x.f.BookingAmount, x.f.BookingCurrency, x.f.Sentiment, x.f.Stage, x.f.Summary, x.f.TenantId));
    }

    public SessionRow ToRow() => new(Id, StartedAt, ClientId, ClientName, Channel, Status, Intent, DurationSec, Messages, BookingId,
        BookingAmount, BookingCurrency, Codes.ParseOrNull<Sentiment>(Sentiment), Codes.ParseOrNull<DropOffStage>(Stage), Summary, null, SalonId);
}
