namespace AgentP.Domain.Dashboard;

/// <summary>
/// How far the client index has read a source of the bot's that changes in place (<c>clients</c>, <c>memory</c>): the
/// latest <c>updated_at</c> indexed, and whether a run has once caught up with it (until then pages read the bot's
/// tables live). Not tenant data: one row per source for the platform.
/// </summary>
public sealed class ClientIndexMark
{
    public string Source { get; set; } = "";
    public DateTimeOffset UpdatedTo { get; set; }
    public bool CaughtUp { get; set; }
}
