using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

public sealed class ScopeTests
{
    [Fact]
    public void Only_the_scope_behaviour_and_the_named_types_change_a_scope()
    {
        var types = Layers.TypesOf(Layers.Application, Layers.Infrastructure, Layers.Web);
        Layers.AssertNone(ScopeRules.UnlistedScopeChanges(types, ScopeRules.Scopers.Keys.ToList()), "Types changing a unit of work's scope");
        var names = types.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Layers.AssertNone(ScopeRules.Scopers.Keys.Where(n => !names.Contains(n)).ToList(), "Scopers named but not found");
    }

    [Fact]
    public void The_scope_rule_reports_a_handler_that_scopes_itself_to_the_system()
    {
        var violations = ScopeRules.UnlistedScopeChanges(Layers.BrokenSamples, ScopeRules.Scopers.Keys.ToList());
        Layers.AssertReports(violations, typeof(HandlerScopingItselfToTheSystem));
        Layers.AssertDoesNotReport(violations, typeof(HandlerOnAPort));
    }
}
