using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

/// <summary>Raw SQL writes its salon condition through <c>ScopeSql</c> or is named with a reason (docs/architecture.md §6); the rule shown failing on broken samples.</summary>
public sealed class SqlScopeTests
{
    private static readonly IReadOnlyList<Type> Inspected = Layers.TypesOf(Layers.Application, Layers.Infrastructure, Layers.Web);

    [Fact]
    public void Every_type_that_builds_sql_writes_the_salon_condition_through_the_helper_or_is_named()
    {
        Layers.AssertNone(SqlScopeRules.UnscopedSql(Inspected, SqlScopeRules.Listed), "Raw SQL without the scope's salon condition");
        Layers.AssertNone(SqlScopeRules.StaleNames(Inspected, SqlScopeRules.Listed.Keys), "Types named as building SQL without the condition");
    }

    [Fact]
    public void The_sql_rule_sees_the_ports_and_the_named_types()
    {
        // With an empty list the rule reports exactly the named types (the migrations by namespace), so the list is not
        // vacuous; the ports it passes do build SQL (found in their state machines, closures and static initialisers) and
        // pass because they call the helper.
        static bool Named(string reported, string name) => reported.Split('.')[^1] == name || reported.StartsWith(name + ".", StringComparison.Ordinal);
        var reported = SqlScopeRules.UnscopedSql(Inspected, new Dictionary<string, string>()).Select(v => v[..v.IndexOf(':')]).ToList();
        foreach (var name in SqlScopeRules.Listed.Keys) Assert.Contains(reported, r => Named(r, name));
        Assert.All(reported, r => Assert.True(SqlScopeRules.Listed.Keys.Any(n => Named(r, n)), r));
        Assert.Empty(SqlScopeRules.StaleNames(Inspected, ["AlertSql", "ClientSql", "DailyMetricsSql", "DialogHeatmapSql", "RetentionSql", "WishlistSql"]));
    }

    [Fact]
    public void The_sql_rule_reports_a_port_that_writes_its_own_condition_or_none()
    {
        var violations = SqlScopeRules.UnscopedSql(Layers.BrokenSamples, new Dictionary<string, string> { [nameof(ListedSystemJob)] = "a job run as the system" });
        Layers.AssertReports(violations, typeof(PortWritingItsOwnSalonCondition));
        Layers.AssertReports(violations, typeof(PortForgettingTheSalon));
        Layers.AssertReports(violations, typeof(PortWithTheConditionButNotItsParameter));
        Layers.AssertDoesNotReport(violations, typeof(PortOnTheScope));
        Layers.AssertDoesNotReport(violations, typeof(ListedSystemJob));
    }

    [Fact]
    public void The_sql_rule_reports_a_hand_written_condition_even_in_a_named_type()
    {
        Layers.AssertReports(SqlScopeRules.UnscopedSql([typeof(PortWritingItsOwnSalonCondition)],
            new Dictionary<string, string> { [nameof(PortWritingItsOwnSalonCondition)] = "named" }), typeof(PortWritingItsOwnSalonCondition));
    }
}
