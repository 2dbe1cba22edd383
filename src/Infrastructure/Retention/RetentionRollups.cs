using AgentP.Application.Common;
using AgentP.Application.Settings;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Clients;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Npgsql;

namespace AgentP.Infrastructure.Retention;

/// <summary>
/// Retention's rollups (docs/architecture.md §5, "Retention's rollups"), kept by the dialog index beside <c>client_slots</c>
/// (<see cref="Dialogs.DialogRollups"/>), in each salon's zone (<c>retention_zones</c>):
/// <list type="bullet">
/// <item><c>retention_days</c>: per salon, local day and gap (days since the client's previous dialog day; 0 for the first
/// dialog ever, <see cref="RetentionDay.LongGap"/> for that many days or more) the clients with a dialog that day;</item>
/// <item><c>retention_cohorts</c>: per salon, cohort month (of the first dialog) and later month the clients with a dialog,
/// and with a booked one, in the later month.</item>
/// </list>
/// Both are sums over clients of what each client's dialog days contribute (<see cref="Contributions"/>), so a client's new
/// dialog is counted by taking back what the client contributed and adding what they contribute now: exact whatever order
/// dialogs arrive in, and the same fragment counts the readers' live tail.
/// </summary>
internal static class RetentionRollups
{
    /// <summary>
    /// What the clients of CTE <c>src</c> (<c>sign, tenant_id, client_id, slot, booked, first_slot</c>: a 15-minute UTC slot of a
    /// client's dialog, whether one of them was booked, the client's first slot ever; rows of sign −1 a state taken back, +1 a
    /// state added) contribute, summed by sign:
    /// CTEs <c>day_rows</c> (<c>tenant_id, day, gap, clients</c>) and <c>cohort_rows</c> (<c>tenant_id, cohort, month,
    /// clients, booked</c>). A slot lies within one local day of any zone, so its day is its start's. The slots may start at a
    /// window (<see cref="Delta"/>): a first day in it without an earlier one is the client's first day ever only when it is
    /// their first slot's, else its previous day lies before the window, which is then 32 days or more before it.
    /// </summary>
    public static string Contributions(ScopeZones zones) => $"""
        visit_days AS MATERIALIZED (
          SELECT sign, tenant_id, client_id, day, bool_or(booked) AS booked, min(first_day) AS first_day
          FROM (SELECT sign, tenant_id, client_id, booked, (slot AT TIME ZONE {SalonZoneSql.Zone(zones, "tenant_id")})::date AS day,
                       (first_slot AT TIME ZONE {SalonZoneSql.Zone(zones, "tenant_id")})::date AS first_day FROM src) x
          GROUP BY 1, 2, 3, 4
        ),
        day_rows AS (
          SELECT tenant_id, day, gap, sum(sign)::int AS clients
          FROM (SELECT sign, tenant_id, day,
                       CASE WHEN prev IS NOT NULL THEN least(day - prev, {RetentionDay.LongGap}) WHEN day = first_day THEN 0
                            ELSE {RetentionDay.LongGap} END::smallint AS gap
                FROM (SELECT sign, tenant_id, day, first_day, lag(day) OVER (PARTITION BY sign, tenant_id, client_id ORDER BY day) AS prev
                      FROM visit_days) v) g
          GROUP BY 1, 2, 3
        ),
        cohort_rows AS (
          SELECT tenant_id, cohort, month, sum(sign)::int AS clients, coalesce(sum(sign) FILTER (WHERE booked), 0)::int AS booked
          FROM (SELECT sign, tenant_id, client_id, date_trunc('month', day::timestamp)::date AS month,
                       date_trunc('month', min(first_day)::timestamp)::date AS cohort, bool_or(booked) AS booked
                FROM visit_days GROUP BY 1, 2, 3, 4) m
          WHERE month > cohort
          GROUP BY 1, 2, 3
        )
        """;

    /// <summary>
    /// CTEs adding <c>day_rows</c> and <c>cohort_rows</c> to the rollups (upserts that add the signed counts; a client's state
    /// taken back and added unchanged sums to 0 and writes nothing).
    /// </summary>
    public const string Upserts = """
        retention_days_added AS (
          INSERT INTO dashboard.retention_days AS r (tenant_id, day, gap, clients)
          SELECT tenant_id, day, gap, clients FROM day_rows WHERE clients <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (tenant_id, day, gap) DO UPDATE SET clients = r.clients + excluded.clients
          RETURNING 1
        ),
        retention_cohorts_added AS (
          INSERT INTO dashboard.retention_cohorts AS r (tenant_id, cohort, month, clients, booked)
          SELECT tenant_id, cohort, month, clients, booked FROM cohort_rows WHERE clients <> 0 OR booked <> 0 ORDER BY 1, 2, 3
          ON CONFLICT (tenant_id, cohort, month) DO UPDATE SET clients = r.clients + excluded.clients, booked = r.booked + excluded.booked
          RETURNING 1
        )
        """;

    /// <summary>
    /// CTEs counting in the dialogs of CTE <c>added</c> (<c>tenant_id, user_id, slot, booked</c>; a dialog chunk, or a reader's
    /// live tail): for each of their clients, the client's slots from a window on taken back, and those plus the added ones
    /// counted, giving <c>day_rows</c> and <c>cohort_rows</c> (<see cref="Contributions"/>). The window starts a day before
    /// the UTC month that holds the client's earliest added slot less 34 days: what an added day changes (its own gap, the next
    /// day's, its month's presence and booking, and, for a new first dialog, the cohort of every later month) lies within it,
    /// and what lies outside is taken back and counted alike (a month cut by the window's start holds no added day in any zone).
    /// A client's history before the window is read for their first slot only (the index's first row). Before client_slots has
    /// the added ones: a statement's CTEs all read its starting snapshot, so an insert into client_slots beside them is not seen.
    /// </summary>
    public static string Delta(ScopeZones zones) => $"""
        movers AS MATERIALIZED (
          SELECT m.tenant_id, m.user_id, m.since, f.first AS old_first, least(f.first, m.new_first) AS new_first
          FROM (SELECT tenant_id, user_id, min(slot) AS new_first,
                       date_trunc('month', min(slot) - interval '34 days', 'UTC') - interval '1 day' AS since
                FROM added GROUP BY 1, 2) m
          CROSS JOIN LATERAL (SELECT min(a.slot) AS first FROM dashboard.client_slots a
                              WHERE a.tenant_id = m.tenant_id AND a.client_id = m.user_id) f
        ),
        src AS (
          SELECT s.sign, a.tenant_id, a.client_id, a.slot, a.bookings > 0 AS booked, CASE WHEN s.sign < 0 THEN m.old_first ELSE m.new_first END AS first_slot
          FROM movers m
          JOIN dashboard.client_slots a ON a.tenant_id = m.tenant_id AND a.client_id = m.user_id AND a.slot >= m.since
          CROSS JOIN (VALUES (-1), (1)) s(sign)
          UNION ALL
          SELECT 1, n.tenant_id, n.user_id, n.slot, n.booked, m.new_first
          FROM added n JOIN movers m ON m.tenant_id = n.tenant_id AND m.user_id = n.user_id
        ),
        {Contributions(zones)}
        """;

    /// <summary>The chunk's (CTE <c>chunk</c>) clients counted again into the rollups; beside the chunk's insert into client_slots.</summary>
    public static string ChunkDelta(ScopeZones zones) => $"""
        added AS (SELECT tenant_id, user_id, slot, booked FROM chunk),
        {Delta(zones)},
        {Upserts}
        """;

    /// <summary>
    /// Counts again, from their client_slots, the salons whose rows are not in their zone of the moment: none yet (deployed,
    /// a new salon, the index rebuilt) or another zone (changed in Settings). In the index's transaction, under its lock.
    /// </summary>
    public static async Task RecountStaleAsync(DashboardDbContext db, ScopeZones zones, CancellationToken cancellationToken)
    {
        Guid[] stale;
        await using (var find = ClientIndex.Command(db, $"""
            SELECT coalesce(array_agg(t.id), ARRAY[]::uuid[]) FROM public.tenants_v2 t
            LEFT JOIN dashboard.retention_zones z ON z.tenant_id = t.id
            WHERE z.time_zone IS DISTINCT FROM {SalonZoneSql.Zone(zones, "t.id")}
            """))
        {
            SalonZoneSql.AddParameters(find, zones);
            stale = (Guid[])(await find.ExecuteScalarAsync(cancellationToken))!;
        }
        if (stale.Length == 0) return;
        await using var command = ClientIndex.Command(db, $"""
            DELETE FROM dashboard.retention_days WHERE tenant_id = ANY(@stale);
            DELETE FROM dashboard.retention_cohorts WHERE tenant_id = ANY(@stale);
            WITH src AS (SELECT 1 AS sign, tenant_id, client_id, slot, bookings > 0 AS booked, min(slot) OVER (PARTITION BY tenant_id, client_id) AS first_slot
                         FROM dashboard.client_slots WHERE tenant_id = ANY(@stale)),
            {Contributions(zones)},
            {Upserts}
            SELECT 1;
            INSERT INTO dashboard.retention_zones AS r (tenant_id, time_zone)
            SELECT tenant_id, {SalonZoneSql.Zone(zones, "tenant_id")} FROM unnest(@stale) AS t(tenant_id)
            ON CONFLICT (tenant_id) DO UPDATE SET time_zone = excluded.time_zone;
            """);
        command.Parameters.Add(new NpgsqlParameter("stale", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = stale });
        SalonZoneSql.AddParameters(command, zones);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Every salon's zone of the moment as the pages apply it (<see cref="TenantTimeZones"/>: a zone this host does not offer
    /// counts as the default), read from the settings in the index's transaction rather than from the cache, so a zone just
    /// changed is the one counted.
    /// </summary>
    public static async Task<ScopeZones> ZonesAsync(DashboardDbContext db, string defaultZone, CancellationToken cancellationToken)
    {
        var fallback = TimeZoneInfo.FindSystemTimeZoneById(defaultZone);
        var named = await db.TenantSettings.AsNoTracking().Where(s => s.TimeZone != null)
            .Select(s => new { s.TenantId, s.TimeZone }).ToListAsync(cancellationToken);
        return new ScopeZones(fallback, named
            .Where(s => UpdateSettingsValidator.IsTimeZone(s.TimeZone) && s.TimeZone != fallback.Id)
            .ToDictionary(s => s.TenantId, s => TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone!)));
    }
}
