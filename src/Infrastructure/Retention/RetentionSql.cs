using AgentP.Application.Common;
using AgentP.Application.Dialogs;
using AgentP.Application.Retention;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Retention;

/// <summary>
/// Retention in SQL, three statements in one round trip. A client's first dialog ever is the client index's
/// (<c>client_facts.first_dialog_at</c>, idx tenant + first dialog) or an earlier one above the dialog index's mark, read
/// live (a primary-key range). The range's dialogs (periods) and the cohorts' later dialogs come from the bot's dialogs by
/// start time (idx_sessions_started), for the range only. Each dialog's and first dialog's day is its own salon's
/// (<see cref="SalonZoneSql"/>): in the all-salons view the scans are bounded by the widest zone's instants
/// (<see cref="ScopeZones.Widest"/>) and each salon's local days decide within them.
/// </summary>
public sealed class RetentionSql(DashboardDbContext db, DialogIndexMark mark) : IRetentionQueries
{
    private static string Live(ScopeZones zones) => $"""
        live AS MATERIALIZED (
          SELECT user_id, tenant_id, {SalonZoneSql.Zone(zones, "tenant_id")} AS tz, min(started_at) AS first
          FROM public.conversation_sessions_v2
          WHERE id > @indexed AND (@tenant::uuid IS NULL OR tenant_id = @tenant::uuid)
          GROUP BY user_id, tenant_id
        )
        """;

    // The cohorts' clients (user_id, month of the first dialog, in the client's salon's zone).
    private static string Cohort(ScopeZones zones) => $"""
        cohort AS MATERIALIZED (
          SELECT user_id, date_trunc('month', first_day::timestamp)::date AS month
          FROM (SELECT f.client_id AS user_id, (least(f.first_dialog_at, lv.first) AT TIME ZONE {SalonZoneSql.Zone(zones, "f.tenant_id")})::date AS first_day
                FROM dashboard.client_facts f LEFT JOIN live lv ON lv.user_id = f.client_id
                WHERE (@tenant::uuid IS NULL OR f.tenant_id = @tenant::uuid)
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
    /// The three statements. For one salon (or salons all in the default zone) the range's bounds are exact; with salons in
    /// several zones the bounds are the widest, and each dialog's own local day keeps it in the range or out.
    /// </summary>
    private static string Sql(ScopeZones zones)
    {
        // The salon of a client of d: the index's, else the live dialogs' (a client is one salon's).
        return $"""
            WITH {Live(zones)},
            d AS (
              SELECT DISTINCT s.user_id, date_trunc(@group, s.started_at AT TIME ZONE {SalonZoneSql.Zone(zones, "s.tenant_id")})::date AS period
              FROM public.conversation_sessions_v2 s
              WHERE (@tenant::uuid IS NULL OR s.tenant_id = @tenant::uuid) AND s.started_at >= @range_start AND s.started_at < @range_end
                {SalonZoneSql.Within(zones, "s.started_at", "s.tenant_id", "range")}
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

            WITH {Live(zones)}, {Cohort(zones)},
            later AS (
              SELECT s.user_id, date_trunc('month', (s.started_at AT TIME ZONE {SalonZoneSql.Zone(zones, "s.tenant_id")}))::date AS month,
                     bool_or(s.booking_id IS NOT NULL) AS booked
              FROM public.conversation_sessions_v2 s
              WHERE (@tenant::uuid IS NULL OR s.tenant_id = @tenant::uuid) AND s.started_at >= @later_start AND s.started_at < @later_end
                AND s.user_id IN (SELECT user_id FROM cohort)
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
        var indexed = await mark.GetAsync(cancellationToken);
        var monthsEnd = lastMonth.AddMonths(1);
        var cohorts = zones.Widest(firstMonth, monthsEnd.AddDays(-1));
        var later = zones.Widest(firstMonth.AddMonths(1), monthsEnd.AddMonths(GetRetention.CohortMonths).AddDays(-1));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql(zones), (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = (object?)tenantId ?? DBNull.Value });
            command.Parameters.AddWithValue("indexed", indexed);
            SalonZoneSql.AddParameters(command, zones);
            command.Parameters.AddWithValue("group", group);
            command.Parameters.AddWithValue("from", from);
            SalonZoneSql.AddDays(command, zones, "range", from, to);
            command.Parameters.AddWithValue("first_month", firstMonth);
            command.Parameters.AddWithValue("months_end", monthsEnd);
            // A day's slack either side of the cohort months in UTC (the index's order); the local day decides.
            command.Parameters.AddWithValue("cohort_start", cohorts.From.AddDays(-1));
            command.Parameters.AddWithValue("cohort_end", cohorts.To.AddDays(1));
            command.Parameters.AddWithValue("later_months", GetRetention.CohortMonths);
            command.Parameters.AddWithValue("later_start", later.From);
            command.Parameters.AddWithValue("later_end", later.To);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var periods = new List<PeriodFigure>();
            while (await r.ReadAsync(cancellationToken))
                periods.Add(new PeriodFigure(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2)));
            await r.NextResultAsync(cancellationToken);
            var sizes = new List<CohortSize>();
            while (await r.ReadAsync(cancellationToken))
                sizes.Add(new CohortSize(r.GetFieldValue<DateOnly>(0), r.GetInt32(1)));
            await r.NextResultAsync(cancellationToken);
            var laterFigures = new List<CohortLater>();
            while (await r.ReadAsync(cancellationToken))
                laterFigures.Add(new CohortLater(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
            return new RetentionFigures(periods, sizes, laterFigures);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
