using AgentP.Application.Common;
using AgentP.Application.Retention;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Dialogs;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Retention;

/// <summary>
/// Retention in SQL, in one snapshot with the dialog rollups' mark (repeatable read). Once every salon of the scope has its
/// retention rollups counted in its zone of the moment (<see cref="RetentionRollups"/>), one statement sums the scope's
/// per-salon rows (<see cref="FromRollups"/>), the dialogs above the mark counted in live; until then (a zone just changed, a
/// salon the index has not counted yet) the former statements read the scope's <c>client_slots</c> and the client index
/// (<see cref="Scan"/>): per salon between its local midnights, in the zone the salon has now (<see cref="SalonZoneSql"/>).
/// </summary>
public sealed class RetentionSql(DashboardDbContext db, ScopeSql scope) : IRetentionQueries
{
    // Each salon of the scope, its zone and the range's bounds in it (computed once per salon, not per row).
    private static string Tenants(ScopeZones zones) => $"""
        tenants AS MATERIALIZED (
          SELECT t.id AS tenant_id, z.tz,
                 @from::date::timestamp AT TIME ZONE z.tz AS range_start, (@to::date + 1)::timestamp AT TIME ZONE z.tz AS range_end
          FROM public.tenants_v2 t
          CROSS JOIN LATERAL (SELECT {SalonZoneSql.Zone(zones, "t.id")} AS tz) z
          WHERE {ScopeSql.Condition("t.id")}
        )
        """;

    private static string Live(ScopeZones zones) => $"""
        live AS MATERIALIZED (
          SELECT user_id, tenant_id, {SalonZoneSql.Zone(zones, "tenant_id")} AS tz, min(started_at) AS first
          FROM public.conversation_sessions_v2
          WHERE id > @indexed AND {ScopeSql.Condition("tenant_id")}
          GROUP BY user_id, tenant_id
        )
        """;

    // The cohorts' clients (user_id, month of the first dialog, in the client's salon's zone).
    private static string Cohort(ScopeZones zones) => $"""
        cohort AS MATERIALIZED (
          SELECT user_id, date_trunc('month', first_day::timestamp)::date AS month
          FROM (SELECT f.client_id AS user_id, (least(f.first_dialog_at, lv.first) AT TIME ZONE {SalonZoneSql.Zone(zones, "f.tenant_id")})::date AS first_day
                FROM dashboard.client_facts f LEFT JOIN live lv ON lv.user_id = f.client_id
                WHERE {ScopeSql.Condition("f.tenant_id")}
                  AND f.first_dialog_at >= @cohort_start AND f.first_dialog_at < @cohort_end
                UNION ALL
                SELECT lv.user_id, (lv.first AT TIME ZONE lv.tz)::date
                FROM live lv
                -- Live first dialogs of clients the index knows no earlier dialog of (an old client writing again is not new).
                WHERE NOT EXISTS (SELECT 1 FROM dashboard.client_facts f
                                  WHERE f.client_id = lv.user_id AND f.first_dialog_at IS NOT NULL
                                    AND (f.first_dialog_at <= lv.first
                                         OR f.first_dialog_at >= @cohort_start AND f.first_dialog_at < @cohort_end))) x
          WHERE first_day >= @first_month AND first_day < @months_end
        )
        """;

    /// <summary>
    /// The three statements. Rolled-up slots and live dialogs are read per salon between its own local midnights, so the
    /// range's bounds are exact in every zone; the cohorts' later months by the widest bounds, each month decided locally.
    /// </summary>
    private static string Scan(ScopeZones zones)
    {
        // The salon of a client of d: the index's, else the live dialogs' (a client is one salon's).
        return $"""
            WITH {Tenants(zones)}, {Live(zones)},
            d AS (
              SELECT DISTINCT user_id, period FROM (
                SELECT a.client_id AS user_id, date_trunc(@group, a.slot AT TIME ZONE tn.tz)::date AS period
                FROM tenants tn
                JOIN dashboard.client_slots a ON a.tenant_id = tn.tenant_id AND a.slot >= tn.range_start AND a.slot < tn.range_end
                UNION ALL
                SELECT s.user_id, date_trunc(@group, s.started_at AT TIME ZONE tn.tz)::date
                FROM tenants tn
                JOIN public.conversation_sessions_v2 s ON s.tenant_id = tn.tenant_id AND s.started_at >= tn.range_start AND s.started_at < tn.range_end
                WHERE s.id > @indexed
              ) x
            )
            SELECT d.period,
                   count(*) FILTER (WHERE fd.first_day >= greatest(d.period, @from::date) OR fd.first_day IS NULL)::int,
                   count(*) FILTER (WHERE fd.first_day < greatest(d.period, @from::date))::int
            FROM d
            LEFT JOIN dashboard.client_facts f ON f.client_id = d.user_id
            LEFT JOIN live lv ON lv.user_id = d.user_id
            CROSS JOIN LATERAL (SELECT (least(f.first_dialog_at, lv.first)
                                        AT TIME ZONE {SalonZoneSql.Zone(zones, "coalesce(f.tenant_id, lv.tenant_id)")})::date AS first_day) fd
            GROUP BY d.period;

            WITH {Live(zones)}, {Cohort(zones)}
            SELECT month, count(*)::int FROM cohort GROUP BY month;

            WITH {Tenants(zones)}, {Live(zones)}, {Cohort(zones)},
            later AS (
              SELECT user_id, month, bool_or(booked) AS booked FROM (
                SELECT a.client_id AS user_id, date_trunc('month', a.slot AT TIME ZONE tn.tz)::date AS month, a.bookings > 0 AS booked
                FROM tenants tn
                JOIN dashboard.client_slots a ON a.tenant_id = tn.tenant_id AND a.slot >= @later_start AND a.slot < @later_end
                WHERE a.client_id IN (SELECT user_id FROM cohort)
                UNION ALL
                SELECT s.user_id, date_trunc('month', s.started_at AT TIME ZONE tn.tz)::date, s.booking_id IS NOT NULL
                FROM tenants tn
                JOIN public.conversation_sessions_v2 s ON s.tenant_id = tn.tenant_id AND s.started_at >= @later_start AND s.started_at < @later_end
                WHERE s.id > @indexed AND s.user_id IN (SELECT user_id FROM cohort)
              ) x
              GROUP BY 1, 2
            )
            SELECT c.month, k.offset_months, count(*)::int, count(*) FILTER (WHERE l.booked)::int
            FROM cohort c
            JOIN later l ON l.user_id = c.user_id
            CROSS JOIN LATERAL (SELECT ((extract(year FROM l.month) - extract(year FROM c.month)) * 12
                                        + extract(month FROM l.month) - extract(month FROM c.month))::int AS offset_months) k
            WHERE k.offset_months BETWEEN 1 AND @later_months
            GROUP BY c.month, k.offset_months;
            """;
    }

    // The salons of the scope whose retention rollups are not counted in their zone of the moment (none yet, or a zone changed
    // since): until the index counts them again, the scope is read from client_slots (Scan).
    private static string Stale(ScopeZones zones) => $"""
        SELECT count(*)::int FROM public.tenants_v2 t
        LEFT JOIN dashboard.retention_zones z ON z.tenant_id = t.id
        WHERE {ScopeSql.Condition("t.id")} AND z.time_zone IS DISTINCT FROM {SalonZoneSql.Zone(zones, "t.id")}
        """;

    /// <summary>
    /// The figures from retention's rollups (<see cref="RetentionRollups"/>), one statement: per salon of the scope its
    /// <c>retention_days</c> of the range and cohort months (at most 33 rows a salon-day) and its <c>retention_cohorts</c> of the
    /// cohort months; the clients with dialogs above the mark counted again with them (their recent slots taken back, those and
    /// their live dialogs added, by the rollups' own fragment). A client of period P (clipped to the range) is counted on their first
    /// day v in it: the day whose gap reaches before P's start (gap &gt; v − start, a gap of 0 — the first dialog ever — making
    /// them new). Rows: kind 0 periods (period, new, returning), 1 cohort sizes, 2 later months (cohort, offset, with a dialog,
    /// with a booking).
    /// </summary>
    private static string FromRollups(ScopeZones zones) => $"""
        WITH tenants AS MATERIALIZED (
          SELECT t.id AS tenant_id FROM public.tenants_v2 t WHERE {ScopeSql.Condition("t.id")}
        ),
        live AS MATERIALIZED (
          SELECT tenant_id, user_id, date_bin('15 minutes', started_at, timestamptz '2000-01-01 00:00+00') AS slot, booking_id IS NOT NULL AS booked
          FROM public.conversation_sessions_v2
          WHERE id > @indexed AND {ScopeSql.Condition("tenant_id")}
        ),
        added AS (SELECT tenant_id, user_id, slot, booked FROM live),
        {RetentionRollups.Delta(zones)},
        days AS MATERIALIZED (
          SELECT r.day, r.gap, r.clients
          FROM tenants tn JOIN dashboard.retention_days r ON r.tenant_id = tn.tenant_id AND r.day >= @first_month AND r.day < @days_end
          UNION ALL
          SELECT day, gap, clients FROM day_rows WHERE day >= @first_month AND day < @days_end
        ),
        cohorts AS (
          SELECT r.cohort, r.month, r.clients, r.booked
          FROM tenants tn JOIN dashboard.retention_cohorts r ON r.tenant_id = tn.tenant_id AND r.cohort >= @first_month AND r.cohort < @months_end
          UNION ALL
          SELECT cohort, month, clients, booked FROM cohort_rows WHERE cohort >= @first_month AND cohort < @months_end
        )
        SELECT 0, period, 0, coalesce(sum(clients) FILTER (WHERE gap = 0), 0)::int,
               coalesce(sum(clients) FILTER (WHERE gap <> 0 AND gap > day - greatest(period, @from::date)), 0)::int
        FROM (SELECT day, gap, clients, date_trunc(@group, day::timestamp)::date AS period FROM days WHERE day >= @from::date AND day <= @to::date) p
        GROUP BY period
        HAVING sum(clients) FILTER (WHERE gap = 0 OR gap > day - greatest(period, @from::date)) <> 0
        UNION ALL
        SELECT 1, date_trunc('month', day::timestamp)::date, 0, sum(clients)::int, 0
        FROM days WHERE gap = 0 AND day < @months_end
        GROUP BY 2 HAVING sum(clients) <> 0
        UNION ALL
        SELECT 2, cohort, offset_months, sum(clients)::int, sum(booked)::int
        FROM (SELECT cohort, clients, booked, ((extract(year FROM month) - extract(year FROM cohort)) * 12
                                               + extract(month FROM month) - extract(month FROM cohort))::int AS offset_months FROM cohorts) c
        WHERE offset_months BETWEEN 1 AND @later_months
        GROUP BY 2, 3 HAVING sum(clients) <> 0
        """;

    public async Task<RetentionFigures> ComputeAsync(Guid? tenantId, ScopeZones zones, DateOnly from, DateOnly to, string group,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var monthsEnd = lastMonth.AddMonths(1);
        return await DialogRollups.InSnapshotAsync(db, async (connection, transaction, indexed) =>
        {
            int stale;
            await using (var check = new NpgsqlCommand(Stale(zones), connection, transaction))
            {
                scope.AddTo(check, tenantId);
                SalonZoneSql.AddParameters(check, zones);
                stale = (int)(await check.ExecuteScalarAsync(cancellationToken))!;
            }
            if (stale > 0) return await ScanAsync(connection, transaction, indexed, tenantId, zones, from, to, group, firstMonth, lastMonth, cancellationToken);
            await using var command = new NpgsqlCommand(FromRollups(zones), connection, transaction);
            scope.AddTo(command, tenantId);
            command.Parameters.AddWithValue("indexed", indexed);
            SalonZoneSql.AddParameters(command, zones);
            command.Parameters.AddWithValue("group", group);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("first_month", firstMonth);
            command.Parameters.AddWithValue("months_end", monthsEnd);
            command.Parameters.AddWithValue("days_end", to.AddDays(1) > monthsEnd ? to.AddDays(1) : monthsEnd);
            command.Parameters.AddWithValue("later_months", GetRetention.CohortMonths);
            var periods = new List<PeriodFigure>();
            var sizes = new List<CohortSize>();
            var later = new List<CohortLater>();
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var at = r.GetFieldValue<DateOnly>(1);
                switch (r.GetInt32(0))
                {
                    case 0: periods.Add(new PeriodFigure(at, r.GetInt32(3), r.GetInt32(4))); break;
                    case 1: sizes.Add(new CohortSize(at, r.GetInt32(3))); break;
                    default: later.Add(new CohortLater(at, r.GetInt32(2), r.GetInt32(3), r.GetInt32(4))); break;
                }
            }
            return new RetentionFigures(periods, sizes, later);
        }, cancellationToken);
    }

    private async Task<RetentionFigures> ScanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long indexed,
        Guid? tenantId, ScopeZones zones, DateOnly from, DateOnly to, string group, DateOnly firstMonth, DateOnly lastMonth,
        CancellationToken cancellationToken)
    {
        var monthsEnd = lastMonth.AddMonths(1);
        var cohorts = zones.Widest(firstMonth, monthsEnd.AddDays(-1));
        var later = zones.Widest(firstMonth.AddMonths(1), monthsEnd.AddMonths(GetRetention.CohortMonths).AddDays(-1));
        {
            await using var command = new NpgsqlCommand(Scan(zones), connection, transaction);
            scope.AddTo(command, tenantId);
            command.Parameters.AddWithValue("indexed", indexed);
            SalonZoneSql.AddParameters(command, zones);
            command.Parameters.AddWithValue("group", group);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("first_month", firstMonth);
            command.Parameters.AddWithValue("months_end", monthsEnd);
            // A day's slack either side of the cohort months in UTC (the index's order); the local day decides.
            command.Parameters.AddWithValue("cohort_start", cohorts.From.AddDays(-1));
            command.Parameters.AddWithValue("cohort_end", cohorts.To.AddDays(1));
            command.Parameters.AddWithValue("later_months", GetRetention.CohortMonths);
            command.Parameters.AddWithValue("later_start", later.From);
            command.Parameters.AddWithValue("later_end", later.To);
            var periods = new List<PeriodFigure>();
            var sizes = new List<CohortSize>();
            var laterFigures = new List<CohortLater>();
            await using (var r = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken))
                    periods.Add(new PeriodFigure(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2)));
                await r.NextResultAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                    sizes.Add(new CohortSize(r.GetFieldValue<DateOnly>(0), r.GetInt32(1)));
                await r.NextResultAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                    laterFigures.Add(new CohortLater(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
            }
            return new RetentionFigures(periods, sizes, laterFigures);
        }
    }
}
