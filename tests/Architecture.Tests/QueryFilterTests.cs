using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

/// <summary>The tenant filter is lifted only on the list of docs/architecture.md §6; the rule also shown failing on broken samples.</summary>
public sealed class QueryFilterTests
{
    private static readonly IReadOnlyList<Type> Inspected = Layers.TypesOf(Layers.Application, Layers.Infrastructure, Layers.Web);

    [Fact]
    public void Only_the_named_types_lift_the_tenant_filter()
    {
        Layers.AssertNone(QueryFilterRules.UnlistedFilterLifts(Inspected, QueryFilterRules.Lifted.ToDictionary(e => e.Key, e => e.Value.Calls)),
            "IgnoreQueryFilters outside the list");
        Layers.AssertNone(QueryFilterRules.StaleNames(Inspected, QueryFilterRules.Lifted.Keys), "Types named as lifting the filter");
    }

    [Fact]
    public void The_filter_rule_sees_the_named_lifts()
    {
        // The same walk with an empty list reports exactly the named types: the rule reads the calls where they are
        // (in async state machines, validators' lambdas and expression trees), so the list above is not vacuous.
        var violations = QueryFilterRules.UnlistedFilterLifts(Inspected, new Dictionary<string, int>());
        Assert.Equal(QueryFilterRules.Lifted.Keys.Order(), violations.Select(v => v[..v.IndexOf(':')].Split('.')[^1]).Order());
    }

    [Fact]
    public void The_filter_rule_reports_a_handler_lifting_the_filter()
    {
        var violations = QueryFilterRules.UnlistedFilterLifts(Layers.BrokenSamples, new Dictionary<string, int> { [nameof(NamedAccountLookup)] = 1 });
        Layers.AssertReports(violations, typeof(HandlerLiftingTheFilter));
        Layers.AssertReports(violations, typeof(LookupLiftingTheFilterInAnExpression));
        Layers.AssertDoesNotReport(violations, typeof(NamedAccountLookup));
    }

    [Fact]
    public void The_filter_rule_reports_a_named_type_whose_calls_differ_from_its_count()
    {
        Layers.AssertReports(QueryFilterRules.UnlistedFilterLifts([typeof(NamedAccountLookup)], new Dictionary<string, int> { [nameof(NamedAccountLookup)] = 0 }),
            typeof(NamedAccountLookup)); // one call more than listed
        Layers.AssertReports(QueryFilterRules.UnlistedFilterLifts([typeof(NamedAccountLookup)], new Dictionary<string, int> { [nameof(NamedAccountLookup)] = 2 }),
            typeof(NamedAccountLookup)); // a call gone
        Layers.AssertReports(QueryFilterRules.UnlistedFilterLifts([typeof(HandlerOnAPort)], new Dictionary<string, int> { [nameof(HandlerOnAPort)] = 1 }),
            typeof(HandlerOnAPort)); // listed, but lifts nothing
    }
}
