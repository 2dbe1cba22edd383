using AgentP.Application.Dialogs;
using AgentP.Application.Retention;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Retention;

/// <summary>
/// Retention in SQL, three statements in one round trip. A client's first dialog ever is the client index's
/// (<c>client_facts.first_dialog_at</c>, idx tenant + first dialog) or an earlier one above the dialog index's mark, read
/// live (a primary-key range). The range's dialogs (periods) and the cohorts' later dialogs come from the bot's dialogs by
/// start time (idx_sessions_started), for the range only.
/// </summary>
public sealed class RetentionSql(DashboardDbContext db, DialogIndexMark mark) : IRetentionQueries
{
    private const string Live = """
        live AS MATERIALIZED (
          SELECT user_id, min(started_at) AS first
          FROM public.conversation_sessions_v2
          WHERE id > @indexed AND (@tenant::uuid IS NULL OR tenant_id = @tenant::uuid)
          GROUP BY user_id
        )
        """;

    // The cohorts' clients (user_id, month of the first dialog, salon-local).
    private const string Cohort = """
        cohort AS MATERIALIZED (
          SELECT user_id, date_trunc('month', first_day::timestamp)::date AS month
          FROM (SELECT f.client_id AS user_id, (least(f.first_dialog_at, lv.first) AT TIME ZONE @zone)::date AS first_day
                FROM dashboard.client_facts f LEFT JOIN live lv ON lv.user_id = f.client_id
                WHERE (@tenant::uuid IS NULL OR f.tenant_id = @tenant::uuid)
                  AND f.first_dialog_at >= @cohort_start AND f.first_dialog_at < @cohort_end
                UNION ALL
                SELECT lv.user_id, (lv.first AT TIME ZONE @zone)::date
                FROM live lv
                -- Live first dialogs of clients the index knows no earlier dialog of (an old client writing again is not new).
                WHERE NOT EXISTS (SELECT 1 FROM dashboard.client_facts f
                                  WHERE f.client_id = lv.user_id AND f.first_dialog_at IS NOT NULL
                                    AND (f.first_dialog_at <= lv.first
                                         OR f.first_dialog_at >= @cohort_start AND f.first_dialog_at < @cohort_end))) x
          WHERE first_day >= @first_month AND first_day < @months_end
        )
        """;

    private const string Sql = $"""
        WITH {Live},
        d AS (
          SELECT DISTINCT s.user_id, date_trunc(@group, s.started_at AT TIME ZONE @zone)::date AS period
          FROM public.conversation_sessions_v2 s
          WHERE (@tenant::uuid IS NULL OR s.tenant_id = @tenant::uuid) AND s.started_at >= @range_start AND s.started_at < @range_end
        )
        SELECT d.period,
               count(*) FILTER (WHERE fd.first_day >= greatest(d.period, @from::date) OR fd.first_day IS NULL)::int,
               count(*) FILTER (WHERE fd.first_day < greatest(d.period, @from::date))::int
        FROM d
        LEFT JOIN dashboard.client_facts f ON f.client_id = d.user_id
        LEFT JOIN live lv ON lv.user_id = d.user_id
        CROSS JOIN LATERAL (SELECT (least(f.first_dialog_at, lv.first) AT TIME ZONE @zone)::date AS first_day) fd
        GROUP BY d.period;

        WITH {Live}, {Cohort}
        SELECT month, count(*)::int FROM cohort GROUP BY month;

        WITH {Live}, {Cohort},
        later AS (
          SELECT s.user_id, date_trunc('month', (s.started_at AT TIME ZONE @zone))::date AS month, bool_or(s.booking_id IS NOT NULL) AS booked
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

    public async Task<RetentionFigures> ComputeAsync(Guid? tenantId, TimeZoneInfo zone, DateOnly from, DateOnly to, string group,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var indexed = await mark.GetAsync(cancellationToken);
        DateTimeOffset Start(DateOnly day) => LocalDay.StartOf(day, zone);
        var monthsEnd = lastMonth.AddMonths(1);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = (object?)tenantId ?? DBNull.Value });
            command.Parameters.AddWithValue("indexed", indexed);
            command.Parameters.AddWithValue("zone", zone.Id);
            command.Parameters.AddWithValue("group", group);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("range_start", Start(from));
            command.Parameters.AddWithValue("range_end", Start(to.AddDays(1)));
            command.Parameters.AddWithValue("first_month", firstMonth);
            command.Parameters.AddWithValue("months_end", monthsEnd);
            // A day's slack either side of the cohort months in UTC (the index's order); the local day decides.
            command.Parameters.AddWithValue("cohort_start", Start(firstMonth).AddDays(-1));
            command.Parameters.AddWithValue("cohort_end", Start(monthsEnd).AddDays(1));
            command.Parameters.AddWithValue("later_months", GetRetention.CohortMonths);
            command.Parameters.AddWithValue("later_start", Start(firstMonth.AddMonths(1)));
            command.Parameters.AddWithValue("later_end", Start(monthsEnd.AddMonths(GetRetention.CohortMonths)));
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var periods = new List<PeriodFigure>();
            while (await r.ReadAsync(cancellationToken))
                periods.Add(new PeriodFigure(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2)));
            await r.NextResultAsync(cancellationToken);
            var cohorts = new List<CohortSize>();
            while (await r.ReadAsync(cancellationToken))
                cohorts.Add(new CohortSize(r.GetFieldValue<DateOnly>(0), r.GetInt32(1)));
            await r.NextResultAsync(cancellationToken);
            var later = new List<CohortLater>();
            while (await r.ReadAsync(cancellationToken))
                later.Add(new CohortLater(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
            return new RetentionFigures(periods, cohorts, later);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
