using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>One dialog with its transcript. Another salon's id answers 404 (the tenant filter hides it).</summary>
[Authorize]
public sealed record GetSession(long Id, Guid? TenantId = null) : IRequest<SessionDetail>, IAllowsAllTenants;

/// <param name="Salon">The dialog's salon, named when it is opened from «Все салоны».</param>
public sealed record SessionDetail(ConversationSession Session, string? ClientName, string? ClientPhone, IReadOnlyList<TranscriptLine> Transcript, string TimeZone,
    string? Salon = null);

/// <summary>A message; <see cref="ResponseTime"/> is set on an answer: the time since the user message it answers.</summary>
public sealed record TranscriptLine(long Id, MessageRole Role, string Text, DateTimeOffset At, TimeSpan? ResponseTime);

public sealed class GetSessionHandler(IPublicData bot, ITenantContext tenant, TenantTimeZones zones) : IRequestHandler<GetSession, SessionDetail>
{
    public const int MaxMessages = 2000;

    public async Task<SessionDetail> Handle(GetSession request, CancellationToken cancellationToken)
    {
        // One round trip: the dialog with its client, joined to its messages in order (idx_history_session, or the
        // opt-in idx_history_session_created, which also gives the order); a dialog without messages is one row.
        var rows = await (
                from s in bot.Sessions
                where s.Id == request.Id
                from m in bot.Messages.Where(m => m.SessionId == s.SessionId).DefaultIfEmpty()
                orderby m!.CreatedAt, m.Id
                select new { Session = s, Name = s.Client!.FullName, Phone = s.Client.Phone, Message = m })
            .Take(MaxMessages).ToListAsync(cancellationToken);
        if (rows.Count == 0) throw new NotFoundException("Диалог не найден.");
        var found = rows[0];
        var messages = rows.Where(r => r.Message is not null).Select(r => r.Message!).ToList();
        var zone = await zones.ForAsync(tenant.TenantId ?? found.Session.TenantId, cancellationToken);

        var transcript = new List<TranscriptLine>(messages.Count);
        DateTimeOffset? waitingSince = null; // the first unanswered user message
        foreach (var m in messages)
        {
            TimeSpan? response = null;
            if (m.Role == MessageRole.User) waitingSince ??= m.CreatedAt;
            else if (m.Role == MessageRole.Assistant && waitingSince is { } asked)
            {
                response = m.CreatedAt - asked;
                waitingSince = null;
            }
            transcript.Add(new TranscriptLine(m.Id, m.Role, m.Text, m.CreatedAt, response));
        }
        var salon = tenant.TenantId is null
            ? await bot.Tenants.Where(t => t.Id == found.Session.TenantId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new SessionDetail(found.Session, found.Name, found.Phone, transcript, zone.Id, salon);
    }
}
