namespace AgentP.Domain.Dashboard;

/// <summary>How far the leaving words (<see cref="DialogWord"/>) have read the bot's dialogs, by id. Not tenant data: one row.</summary>
public sealed class DialogWordMark
{
    public int Id { get; set; }
    public long IndexedUpTo { get; set; }
}
