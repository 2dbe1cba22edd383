namespace AgentP.Application.Overview;

/// <summary>
/// When clients write: the range's dialogs by weekday (Monday first) and hour of their start, in the salon's time zone (in the
/// all-salons view, each salon's dialogs in its own zone), so a salon can staff its desk when clients actually write. Part of
/// <see cref="GetOverview"/>'s report, over its period; the same dialogs as its figures (active salons).
/// <see cref="Counts"/>[weekday][hour]: weekday 0 is Monday, hours 0–23 local.
/// </summary>
public sealed record DialogHeatmap(ReportPeriod Period, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    public long Total => Counts.Sum(row => row.Sum());
    public long Max => Counts.Max(row => row.Max());
}
