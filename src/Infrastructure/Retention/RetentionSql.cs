using AgentP.Application.Common;
using AgentP.Application.Retention;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Dialogs;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Retention;

/// <summary>
/// Retention in SQL, three statements in one round trip, in one snapshot with the dialog rollups' mark (repeatable read).
/// Who had a dialog (and a booking) when comes from the rollup the dialog index keeps per salon, client and 15-minute UTC slot
/// (<c>dashboard.client_slots</c>, <see cref="DialogRollups"/>), one key range per salon between its local midnights; the
/// dialogs above the rollups' mark from the bot's dialogs by primary key, live. A client's first dialog ever is the client
/// index's (<c>client_facts.first_dialog_at</c>, idx tenant + first dialog) or an earlier live one. Each slot's and first
/// dialog's day is its own salon's, in the zone the salon has now (<see cref="SalonZoneSql"/>): the all-salons view reads the
/// same per-salon ranges, one after the other, and nothing of the bot's history.
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
    private static string Sql(ScopeZones zones)
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

    public async Task<RetentionFigures> ComputeAsync(Guid? tenantId, ScopeZones zones, DateOnly from, DateOnly to, string group,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var monthsEnd = lastMonth.AddMonths(1);
        var cohorts = zones.Widest(firstMonth, monthsEnd.AddDays(-1));
        var later = zones.Widest(firstMonth.AddMonths(1), monthsEnd.AddMonths(GetRetention.CohortMonths).AddDays(-1));
        return await DialogRollups.InSnapshotAsync(db, async (connection, transaction, indexed) =>
        {
            await using var command = new NpgsqlCommand(Sql(zones), connection, transaction);
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
        }, cancellationToken);
    }
}
