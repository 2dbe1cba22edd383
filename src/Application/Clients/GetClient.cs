using Mapster;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Dialogs;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Clients;

/// <summary>A client's card: contacts, the bot's long-term memory, their dialogs and wishlist items. Another salon's client is 404.</summary>
[Authorize]
public sealed record GetClient(Guid Id, Guid? TenantId = null) : IRequest<ClientCard>, IAllowsAllTenants
{
    public const int MaxSessions = 100;
}

public sealed record ClientCard(Client Client, ClientMemory? Memory, int? OverdueDays, IReadOnlyList<ClientSession> Sessions,
    IReadOnlyList<ClientWish> Wishes, string TimeZone)
{
    /// <summary>Masters' names by id (without the bot's <c>staff_</c> prefix), as the salon's dialogs give them.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; init; } = new Dictionary<string, string>();

    /// <summary>A master's name, or the id where no name is known.</summary>
    public string Staff(string id) => StaffNames.TryGetValue(StaffKey(id), out var name) ? name : id;

    public static string StaffKey(string id) => id.StartsWith("staff_", StringComparison.Ordinal) ? id["staff_".Length..] : id;
}

public sealed record ClientSession(long Id, DateTimeOffset StartedAt, SessionStatus Status, string? BookingId, decimal? BookingAmount, string? Summary);

public sealed record ClientWish(long Id, string? Title, WishlistStatus BotStatus, Domain.Common.WishlistDecision? Decision, string? DecisionComment,
    DateTimeOffset CreatedAt);

public sealed class GetClientHandler(IPublicData bot, IDashboardDb db, ITenantContext tenant, TenantTimeZones zones, DialogIndexMark mark, TimeProvider clock)
    : IRequestHandler<GetClient, ClientCard>
{
    public async Task<ClientCard> Handle(GetClient request, CancellationToken cancellationToken)
    {
        // Two lanes, one per database context (a context runs one query at a time): from the bot's schema the client
        // with their memory (one per client and salon: a join on its unique key) and wishlist items; from ours, which of
        // their dialogs the index knows (see IndexDialogs: plus any dialog above its mark).
        var clientLane = (
                from c in bot.Clients
                where c.Id == request.Id
                join m in bot.ClientMemories on new { c.TenantId, UserId = c.Id } equals new { m.TenantId, m.UserId } into memories
                from m in memories.DefaultIfEmpty()
                select new { Client = c, Memory = m, Wishes = bot.Wishlist.Where(w => w.UserId == c.Id).OrderByDescending(w => w.CreatedAt).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var dialogLane = KnownDialogsAsync(request.Id, cancellationToken);
        await Task.WhenAll(clientLane, dialogLane);
        var found = await clientLane ?? throw new NotFoundException("Клиент не найден.");
        var (client, memory, wishes) = (found.Client, found.Memory, found.Wishes);
        var (indexed, known) = await dialogLane;

        var sessionLane = bot.Sessions.Where(s => s.UserId == client.Id && (known.Contains(s.Id) || s.Id > indexed))
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).Take(GetClient.MaxSessions)
            .ProjectToType<ClientSession>(ClientMapping.Config)
            .ToListAsync(cancellationToken);
        var zone = await zones.ForAsync(tenant.TenantId ?? client.TenantId, cancellationToken);
        var wishIds = wishes.Select(w => w.Id).ToList();
        var decisions = wishIds.Count == 0 ? [] : (await db.WishlistActions.AsNoTracking().Where(a => wishIds.Contains(a.WishlistId))
                .OrderByDescending(a => a.ProcessedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken))
            .GroupBy(a => a.WishlistId).ToDictionary(g => g.Key, g => g.First());
        var sessions = await sessionLane;
        var staffIds = (memory?.LtmData.BookingStats.Keys ?? []).Append(memory?.PreferredStaffId).OfType<string>().Select(ClientCard.StaffKey).Distinct().ToList();
        var staffNames = staffIds.Count == 0 ? new Dictionary<string, string>()
            : await db.StaffNames.AsNoTracking().Where(n => n.TenantId == client.TenantId && staffIds.Contains(n.StaffId))
                .ToDictionaryAsync(n => n.StaffId, n => n.Name, cancellationToken);

        int? overdue = null;
        if (memory?.LtmData is { LastVisitDate: { } last, AvgVisitInterval: { } interval })
        {
            var days = LocalDay.Of(clock.GetUtcNow(), zone).DayNumber - last.AddDays(interval).DayNumber;
            overdue = days > 0 ? days : null;
        }
        return new ClientCard(client, memory, overdue, sessions,
            wishes.Select(w => new ClientWish(w.Id, w.Meta.ServiceTitle ?? w.ItemId, w.Status,
                decisions.TryGetValue(w.Id, out var d) ? d.Status : null, decisions.TryGetValue(w.Id, out var c) ? c.Comment : null, w.CreatedAt)).ToList(),
            zone.Id) { StaffNames = staffNames };
    }

    private async Task<(long Indexed, List<long> Known)> KnownDialogsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var indexed = await mark.GetAsync(cancellationToken);
        var known = await db.DialogFacts.Where(d => d.UserId == clientId)
            .OrderByDescending(d => d.StartedAt).ThenByDescending(d => d.SessionId).Take(GetClient.MaxSessions)
            .Select(d => d.SessionId).ToListAsync(cancellationToken);
        return (indexed, known);
    }
}
