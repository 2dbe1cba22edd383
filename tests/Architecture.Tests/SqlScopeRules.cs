using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AgentP.Architecture.Tests;

/// <summary>
/// Raw SQL writes its salon condition one way (docs/architecture.md §6, the second line of isolation): every type that builds
/// SQL — an <c>NpgsqlCommand</c>, a connection's <c>CreateCommand</c>, EF's <c>SqlQuery</c>/<c>ExecuteSql</c>/<c>FromSql</c>, a
/// migration's <c>Sql</c> — writes <see cref="ScopeSql.Condition"/> and adds <see cref="ScopeSql.AddTo"/>'s parameter, or is
/// named here with the reason it needs no salon condition. No type but the helper writes <c>@tenant</c> by hand.
/// </summary>
internal static class SqlScopeRules
{
    /// <summary>
    /// The types (by name) or namespaces (by full name) that build SQL without the salon condition, and why. Each reason says
    /// why the statement is not one salon's view: the system's jobs, data that belongs to no salon, or the platform-wide reads
    /// that docs/architecture.md §6 puts behind ports. Row-level security still applies to all of them (§6, third line).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Listed = new Dictionary<string, string>
    {
        ["DialogIndex"] = "the dialog index job: runs as the system over every salon's new dialogs",
        ["ClientIndex"] = "the client index job: runs as the system over every salon's clients; its mark (client_index_marks) has no tenant_id",
        ["DialogRollups"] = "the index job's roll-up (as the system), and the rollups' mark (rollup_marks has no tenant_id); its readers write the condition",
        ["EscalationSlaClaimsSql"] = "the notification job (the system) claims a case it read through the query filters, under the case's own salon",
        ["PlatformFiguresSql"] = "every salon's summed counts for the platform percentiles, in a transaction scoped to all salons; only counts leave it",
        ["PlatformSalonsSql"] = "the bot's salon list, read only by SalonDirectory, which answers within the scope",
        ["PlatformOwnersSql"] = "the active super_admins, who belong to no salon (locked so two owners cannot switch each other off)",
        ["SignInLockoutSql"] = "sign_in_lockouts is not tenant data: counted per user and address before any salon is known",
        ["ScopeSettingInterceptor"] = "sets the scope's own setting for row-level security (app.tenant_id)",
        ["DatabaseHealthCheck"] = "readiness reads the role catalog (does the app inherit its search role), no tenant data",
        ["SearchFunctions"] = "calls the search functions (dashboard.search_dialogs, search_clients), which apply the scope themselves from app.tenant_id",
        ["AgentP.Infrastructure.Data.Migrations"] = "schema changes, applied by the migrator before any unit of work",
    };

    /// <summary>
    /// Every type of <paramref name="types"/> that builds SQL and neither writes <see cref="ScopeSql.Condition"/> and adds
    /// <see cref="ScopeSql.AddTo"/> nor is named in <paramref name="listed"/>; and every type besides the helper with
    /// <c>@tenant</c> in a string (a salon condition written by hand), listed or not.
    /// </summary>
    public static IReadOnlyList<string> UnscopedSql(IEnumerable<Type> types, IReadOnlyDictionary<string, string> listed)
    {
        using var bodies = new MethodBodies();
        var violations = new List<string>();
        foreach (var type in types.Where(t => !t.IsNested && t != typeof(ScopeSql)))
        {
            var definition = bodies.Definition(type);
            if (MethodBodies.Strings(definition).Any(s => s.Contains("@tenant", StringComparison.Ordinal)))
                violations.Add($"{type.FullName}: writes a salon condition (@tenant) by hand; write it with {nameof(ScopeSql)}.{nameof(ScopeSql.Condition)}");
            var calls = MethodBodies.Calls(definition).ToList();
            var builds = calls.Where(BuildsSql).Select(c => c.Callee.DeclaringType.Name + "." + c.Callee.Name).Distinct().ToList();
            if (builds.Count == 0 || IsListed(type, listed)) continue;
            var condition = calls.Any(c => IsHelper(c, nameof(ScopeSql.Condition)));
            var parameter = calls.Any(c => IsHelper(c, nameof(ScopeSql.AddTo)));
            if (!condition || !parameter)
                violations.Add($"{type.FullName}: builds SQL ({string.Join(", ", builds)}) without "
                    + $"{(condition ? "" : $"{nameof(ScopeSql)}.{nameof(ScopeSql.Condition)}")}{(condition || parameter ? "" : " and ")}"
                    + $"{(parameter ? "" : $"{nameof(ScopeSql)}.{nameof(ScopeSql.AddTo)}")}; "
                    + $"write the salon condition through it, or name the type in {nameof(SqlScopeRules)}.{nameof(Listed)} with a reason");
        }
        return violations;
    }

    /// <summary>The names in <paramref name="listed"/> that match no type of <paramref name="types"/> that builds SQL (renamed, or its SQL gone).</summary>
    public static IReadOnlyList<string> StaleNames(IEnumerable<Type> types, IEnumerable<string> listed)
    {
        using var bodies = new MethodBodies();
        var building = types.Where(t => !t.IsNested && MethodBodies.Calls(bodies.Definition(t)).Any(BuildsSql)).ToList();
        return listed.Where(n => !building.Any(t => t.Name == n || t.Namespace == n))
            .Select(n => $"{n}: named in {nameof(SqlScopeRules)}.{nameof(Listed)} but builds no SQL").ToList();
    }

    private static bool IsListed(Type type, IReadOnlyDictionary<string, string> listed) =>
        listed.ContainsKey(type.Name) || (type.Namespace is { } ns && listed.ContainsKey(ns));

    private static bool IsHelper(MethodBodies.Call call, string name) =>
        call.Callee.Name == name && call.Callee.DeclaringType.FullName == typeof(ScopeSql).FullName;

    private static bool BuildsSql(MethodBodies.Call call)
    {
        var declaring = call.Callee.DeclaringType.FullName;
        var name = call.Callee.Name;
        return (declaring == "Npgsql.NpgsqlCommand" && name == ".ctor")
            || name == "CreateCommand"
            || (declaring == typeof(RelationalDatabaseFacadeExtensions).FullName
                && (name.StartsWith("SqlQuery", StringComparison.Ordinal) || name.StartsWith("ExecuteSql", StringComparison.Ordinal)))
            || (declaring == typeof(RelationalQueryableExtensions).FullName && name.StartsWith("FromSql", StringComparison.Ordinal))
            || (declaring == typeof(MigrationBuilder).FullName && name == nameof(MigrationBuilder.Sql));
    }
}
