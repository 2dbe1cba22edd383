using AgentP.Application.Common;
using AgentP.Application.Overview;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Dialogs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Infrastructure.Overview;

/// <summary>
/// The heatmap's SQL (<see cref="DialogHeatmaps"/>, the Overview's): one statement. The rolled-up dialogs come from
/// <c>dashboard.dialog_slots</c> (the dialog index keeps them: per salon and 15-minute UTC slot, <see cref="DialogRollups"/>),
/// one key range per salon between its local midnights — at most 96 rows a day, whatever the salon's volume or history;
/// the few dialogs above the rollups' mark from <c>public.conversation_sessions_v2</c> by its primary key. The mark is read
/// first and passed as a value, in one snapshot with the count (repeatable read: nothing rolled up meanwhile is counted twice
/// or missed): a mark the planner cannot see (a subquery) makes it scan the whole range of the bot's dialogs by
/// idx_sessions_started instead. Each slot is read in its salon's current zone, so a zone changed in Settings applies to the
/// whole history at once: the zones come as parameters from <see cref="ScopeZones"/> (<see cref="SalonZoneSql"/>), the one source of
/// a salon's zone for C# and SQL alike. The salon condition is the scope's (<see cref="ScopeSql"/>): raw SQL passes the EF filters by.
/// </summary>
public sealed class DialogHeatmapSql(DashboardDbContext db, ScopeSql scope) : IDialogHeatmapQuery
{
    private static string Sql(ScopeZones zones) => $"""
        WITH tenants AS MATERIALIZED (
          SELECT t.id AS tenant_id, z.tz,
                 @from::date::timestamp AT TIME ZONE z.tz AS starts, (@to::date + 1)::timestamp AT TIME ZONE z.tz AS ends
          FROM public.tenants_v2 t
          CROSS JOIN LATERAL (SELECT {SalonZoneSql.Zone(zones, "t.id")} AS tz) z
          WHERE t.is_active AND {ScopeSql.Condition("t.id")}
        ),
        started AS (
          SELECT tn.tz, d.slot AS at, d.dialogs
          FROM tenants tn
          JOIN dashboard.dialog_slots d ON d.tenant_id = tn.tenant_id AND d.slot >= tn.starts AND d.slot < tn.ends
          UNION ALL
          SELECT tn.tz, s.started_at, 1
          FROM tenants tn
          JOIN public.conversation_sessions_v2 s ON s.tenant_id = tn.tenant_id AND s.started_at >= tn.starts AND s.started_at < tn.ends
          WHERE s.id > @indexed
        )
        SELECT extract(isodow FROM at AT TIME ZONE tz)::int AS weekday,
               extract(hour FROM at AT TIME ZONE tz)::int AS hour,
               sum(dialogs)::bigint AS dialogs
        FROM started
        GROUP BY 1, 2
        """;

    public async Task<IReadOnlyList<(int Weekday, int Hour, long Dialogs)>> CountAsync(Guid? tenantId, DateOnly from, DateOnly to,
        ScopeZones zones, CancellationToken cancellationToken)
    {
        return await DialogRollups.InSnapshotAsync(db, async (connection, transaction, indexed) =>
        {
            await using var command = new NpgsqlCommand(Sql(zones), connection, transaction);
            command.Parameters.AddWithValue("indexed", indexed);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            scope.AddTo(command, tenantId);
            SalonZoneSql.AddParameters(command, zones);
            var cells = new List<(int, int, long)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    cells.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2)));
            return (IReadOnlyList<(int, int, long)>)cells;
        }, cancellationToken);
    }
}
