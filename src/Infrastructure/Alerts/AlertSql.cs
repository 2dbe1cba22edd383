using AgentP.Application.Alerts;
using AgentP.Application.Common;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentP.Infrastructure.Alerts;

/// <summary>
/// Alerts from the stored daily metrics, in one statement: each closed salon-day with at least the salon's minimum
/// of dialogs is checked against its thresholds (tenant_settings, else the defaults 15 / 50 / 20 % and 5 dialogs).
/// Severity is critical when the value is twice as far out: conversion at most half its floor, a share at least
/// twice its ceiling. ON CONFLICT on (tenant_id, kind, day) makes re-evaluation a no-op, without a read-then-insert race.
/// </summary>
public sealed class AlertSql(DashboardDbContext db, ScopeSql scope) : IAlertEvaluator
{
    private static readonly string Dialogs = RussianPlural.Sql("dialogs", "диалог", "диалога", "диалогов");

    // Each salon's zone comes in as parameters (ScopeZones, SalonZoneSql), never from tenant_settings.time_zone: a zone
    // PostgreSQL does not know, written by SQL, failed the whole statement and with it the metrics job.
    private static string Sql(ScopeZones zones) => $$"""
        WITH days AS (
          SELECT m.tenant_id, m.day, m.dialogs_started AS dialogs, m.conversion,
                 round(m.dropped * 100.0 / nullif(m.dialogs_started, 0), 2) AS drop_rate,
                 round(m.escalated * 100.0 / nullif(m.dialogs_started, 0), 2) AS escalation_rate,
                 coalesce(s.low_conversion_percent, 15) AS low_conversion, coalesce(s.high_drop_off_percent, 50) AS high_drop_off,
                 coalesce(s.error_spike_percent, 20) AS error_spike, coalesce(s.min_dialogs, 5) AS min_dialogs
          FROM dashboard.metrics_dailies m
          LEFT JOIN dashboard.tenant_settings s ON s.tenant_id = m.tenant_id
          WHERE m.day BETWEEN @from AND @to AND {{ScopeSql.Condition("m.tenant_id")}}
            -- only closed days: a day in progress would alarm on its first quiet morning hours
            AND m.day < (@now::timestamptz AT TIME ZONE {{SalonZoneSql.Zone(zones, "m.tenant_id")}})::date
        ),
        breaches AS (
          SELECT tenant_id, day, 'low_conversion' AS kind, low_conversion AS threshold, conversion AS actual, conversion <= low_conversion / 2 AS critical, dialogs,
                 format('Конверсия %s %% при пороге %s %% (%s %s)', replace(to_char(conversion, 'FM990.0'), '.', ','), replace(rtrim(rtrim(to_char(low_conversion, 'FM990.0'), '0'), '.'), '.', ','), dialogs, {{Dialogs}}) AS description
          FROM days WHERE dialogs >= min_dialogs AND conversion < low_conversion
          UNION ALL
          SELECT tenant_id, day, 'high_drop_off', high_drop_off, drop_rate, drop_rate >= high_drop_off * 2, dialogs,
                 format('Брошено %s %% диалогов при пороге %s %% (%s %s)', replace(to_char(drop_rate, 'FM990.0'), '.', ','), replace(rtrim(rtrim(to_char(high_drop_off, 'FM990.0'), '0'), '.'), '.', ','), dialogs, {{Dialogs}})
          FROM days WHERE dialogs >= min_dialogs AND drop_rate > high_drop_off
          UNION ALL
          SELECT tenant_id, day, 'error_spike', error_spike, escalation_rate, escalation_rate >= error_spike * 2, dialogs,
                 format('Эскалаций %s %% при пороге %s %% (%s %s)', replace(to_char(escalation_rate, 'FM990.0'), '.', ','), replace(rtrim(rtrim(to_char(error_spike, 'FM990.0'), '0'), '.'), '.', ','), dialogs, {{Dialogs}})
          FROM days WHERE dialogs >= min_dialogs AND escalation_rate > error_spike
        )
        INSERT INTO dashboard.alerts (tenant_id, kind, day, threshold, actual, severity, description, triggered_at, created_at, updated_at)
        SELECT tenant_id, kind, day, threshold, actual, CASE WHEN critical THEN 'critical' ELSE 'warning' END, description, @now, @now, @now
        FROM breaches
        ON CONFLICT (tenant_id, kind, day) DO NOTHING
        """;

    public async Task<int> EvaluateAsync(DateOnly from, DateOnly to, Guid? tenantId, ScopeZones zones, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql(zones), (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            scope.AddTo(command, tenantId);
            command.Parameters.AddWithValue("now", now);
            SalonZoneSql.AddParameters(command, zones);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
