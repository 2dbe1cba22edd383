namespace AgentP.Domain.Dashboard;

/// <summary>
/// How far the dialog rollups (<see cref="DialogSlot"/>, <see cref="ClientSlot"/>) have counted the indexed dialogs: every
/// dialog with an id up to <see cref="RolledUpTo"/> is in them, none above. Readers take the bot's dialogs above it live.
/// </summary>
public sealed class RollupMark
{
    public string Rollup { get; set; } = "";
    public long RolledUpTo { get; set; }
}
