using AgentP.Application.Common.Interfaces;

namespace AgentP.Application.Common;

/// <summary>
/// Whether the database work of this DI scope is a page's, bounded by <see cref="DashboardOptions.QueryTimeoutSeconds"/>,
/// or a job's or command-line verb's, which keep long timeouts (a collection of a year of days is meant to run for
/// minutes). Decided when the scope rents its database contexts: a web request's unless the process itself runs it; a
/// cache refresh in the background is a page's work too and says so.
/// </summary>
public sealed class QueryBudget(ICurrentUser user)
{
    private bool? bounded;

    public bool Bounded
    {
        get => bounded ?? !user.IsSystem;
        set => bounded = value;
    }
}
