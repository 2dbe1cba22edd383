using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Bot;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Sessions;

/// <summary>Applies a <see cref="SessionFilter"/> with the database's own operators (jsonb containment, ILIKE); Infrastructure.</summary>
public interface ISessionSearch
{
    /// <summary>Every filter over the bot's dialogs (the live tail above the index's mark), the text search included.</summary>
    /// <param name="hours">The scope's opening hours: needed when the filter asks for <see cref="SessionFilter.AfterHours"/>.</param>
    IQueryable<ConversationSession> Apply(IQueryable<ConversationSession> sessions, SessionFilter filter, ScopeZones zones, ScopeHours? hours);

    /// <summary>Every filter but the text search and attendance over the dialog index's rows.</summary>
    /// <param name="hours">The scope's opening hours: needed when the filter asks for <see cref="SessionFilter.AfterHours"/>.</param>
    IQueryable<DialogFacts> Apply(IQueryable<DialogFacts> facts, SessionFilter filter, ScopeZones zones, ScopeHours? hours);

    /// <summary>
    /// The indexed dialogs whose summaries, client's name or phone digits hold <paramref name="q"/>, through the trigram
    /// indexes (<see cref="SessionFilter.IsShortQuery"/> must be false: a shorter text gives them nothing to look up).
    /// </summary>
    IQueryable<DialogFacts> Search(IQueryable<DialogFacts> facts, IDashboardDb db, string q);

    /// <summary>The same test over a bounded set of rows (a short query's window), row by row.</summary>
    IQueryable<DialogFacts> Scan(IQueryable<DialogFacts> window, IQueryable<ClientFacts> clients, string q);
}
