using AgentP.Application.Common;
using AgentP.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// Each salon's own zone inside one statement over the scope's salons (docs/architecture.md §5): the salons whose zone is not
/// the scope's default go in as arrays (<c>@zone_tenants</c>, <c>@zone_names</c>, <c>@zone_todays</c>), every other salon takes
/// <c>@zone</c> and <c>@today</c>. A lookup in a parameter, not a join, so a statement keeps its plan and its index order;
/// for one salon, or when every salon counts in the default zone, the expressions are the plain parameters.
/// </summary>
internal static class SalonZoneSql
{
    /// <summary>The IANA zone of the row whose salon is <paramref name="tenantColumn"/> (text, for <c>AT TIME ZONE</c>).</summary>
    public static string Zone(ScopeZones zones, string tenantColumn) => zones.Salons.Count == 0 ? "@zone::text"
        : $"coalesce((@zone_names::text[])[array_position(@zone_tenants::uuid[], {tenantColumn})], @zone::text)";

    /// <summary>Today in the row's salon's zone (a date).</summary>
    public static string Today(ScopeZones zones, string tenantColumn) => zones.Salons.Count == 0 ? "@today::date"
        : $"coalesce((@zone_todays::date[])[array_position(@zone_tenants::uuid[], {tenantColumn})], @today::date)";

    /// <summary>The instant the row's salon's today began (a timestamptz): its local midnight.</summary>
    public static string TodayStart(ScopeZones zones, string tenantColumn) => $"({Today(zones, tenantColumn)}::timestamp AT TIME ZONE {Zone(zones, tenantColumn)})";

    /// <summary>
    /// Whether <paramref name="instant"/> falls in local days <c>@{name}_from</c>…<c>@{name}_to</c> of the row's salon, by the
    /// salon's own UTC bounds (<see cref="AddDays"/>): instants compared, no zone applied per row. Empty when every salon of the
    /// scope counts in one zone (the plain bounds <c>@{name}_start</c>/<c>@{name}_end</c> are then exact).
    /// </summary>
    public static string Within(ScopeZones zones, string instant, string tenantColumn, string name) => zones.Salons.Count == 0 ? "" : $"""
        AND {instant} >= coalesce((@{name}_starts::timestamptz[])[array_position(@zone_tenants::uuid[], {tenantColumn})], @{name}_default_start)
        AND {instant} < coalesce((@{name}_ends::timestamptz[])[array_position(@zone_tenants::uuid[], {tenantColumn})], @{name}_default_end)
        """;

    /// <summary>
    /// The parameters of <see cref="Within"/> for local days <paramref name="from"/>…<paramref name="to"/>, and the widest bounds
    /// over the scope's zones as <c>@{name}_start</c>/<c>@{name}_end</c> (what an index on the UTC time is bounded by).
    /// </summary>
    public static void AddDays(NpgsqlCommand command, ScopeZones zones, string name, DateOnly from, DateOnly to)
    {
        var (start, end) = zones.Widest(from, to);
        command.Parameters.AddWithValue($"{name}_start", start);
        command.Parameters.AddWithValue($"{name}_end", end);
        var listed = zones.Salons.OrderBy(s => s.Key).Select(s => s.Value).ToList();
        command.Parameters.AddWithValue($"{name}_default_start", LocalDay.StartOf(from, zones.Default));
        command.Parameters.AddWithValue($"{name}_default_end", LocalDay.StartOf(to.AddDays(1), zones.Default));
        command.Parameters.Add(new NpgsqlParameter($"{name}_starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = listed.Select(z => LocalDay.StartOf(from, z)).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter($"{name}_ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = listed.Select(z => LocalDay.StartOf(to.AddDays(1), z)).ToArray(),
        });
    }

    /// <summary>The zones' parameters; with <paramref name="now"/>, each listed salon's today too (<c>@today</c> is the caller's).</summary>
    public static void AddParameters(NpgsqlCommand command, ScopeZones zones, DateTimeOffset? now = null)
    {
        var listed = zones.Salons.OrderBy(s => s.Key).ToList();
        command.Parameters.AddWithValue("zone", zones.Default.Id);
        command.Parameters.Add(new NpgsqlParameter("zone_tenants", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = listed.Select(s => s.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("zone_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = listed.Select(s => s.Value.Id).ToArray() });
        if (now is { } at)
            command.Parameters.Add(new NpgsqlParameter("zone_todays", NpgsqlDbType.Array | NpgsqlDbType.Date)
            {
                Value = listed.Select(s => LocalDay.Of(at, s.Value)).ToArray(),
            });
    }
}
