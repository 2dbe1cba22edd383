namespace AgentP.Application.Overview;

/// <summary>The heatmap's SQL (Infrastructure).</summary>
public interface IDialogHeatmapQuery
{
    /// <summary>
    /// Dialogs started on [<paramref name="from"/>, <paramref name="to"/>] (each salon's local days), counted by ISO weekday (1 =
    /// Monday) and local hour, each salon's in its zone of <paramref name="zones"/>. <paramref name="tenantId"/>: one salon, or null for every
    /// salon of the unit of work's scope.
    /// </summary>
    Task<IReadOnlyList<(int Weekday, int Hour, long Dialogs)>> CountAsync(Guid? tenantId, DateOnly from, DateOnly to, Common.ScopeZones zones,
        CancellationToken cancellationToken);
}
