using AgentP.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>Applies a <see cref="SessionFilter"/> with the database's own operators (jsonb containment, ILIKE); Infrastructure.</summary>
public interface ISessionSearch
{
    IQueryable<Domain.Bot.ConversationSession> Apply(IQueryable<Domain.Bot.ConversationSession> sessions, SessionFilter filter, ScopeZones zones);
}
