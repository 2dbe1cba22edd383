using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

/// <summary>The layer rules of docs/architecture.md §3, each also run against a broken sample to show it can fail.</summary>
public sealed class LayerTests
{
    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var domain = Layers.TypesOf(Layers.Domain);
        Assert.NotEmpty(Layers.Domain.GetReferencedAssemblies());
        Layers.AssertNone(LayerRules.ReferencesBeyondTheBaseClassLibrary(domain), "Domain references beyond the BCL");
    }

    [Fact]
    public void The_base_class_library_rule_reports_an_assembly_referencing_a_driver()
    {
        var violations = LayerRules.ReferencesBeyondTheBaseClassLibrary(Layers.BrokenSamples);
        Assert.Contains(violations, v => v.EndsWith(": references Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_references_neither_infrastructure_nor_web()
    {
        Layers.AssertNone(LayerRules.OuterLayerDependencies(Layers.TypesOf(Layers.Application)),
            "Application depends on an outer layer");
    }

    [Fact]
    public void The_outer_layer_rule_reports_a_type_holding_an_infrastructure_db_context()
    {
        var violations = LayerRules.OuterLayerDependencies(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(UseCaseOnTheInfrastructureContext));
        Assert.Contains(violations, v => v.EndsWith(": references AgentP.Infrastructure", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_references_neither_npgsql_nor_asp_net_core()
    {
        Layers.AssertNone(LayerRules.DriverOrWebFrameworkDependencies(Layers.TypesOf(Layers.Application)),
            "Application depends on Npgsql or ASP.NET Core");
    }

    [Fact]
    public void The_driver_and_web_framework_rule_reports_types_using_npgsql_or_asp_net_core()
    {
        var violations = LayerRules.DriverOrWebFrameworkDependencies(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(UseCaseOnNpgsql));
        Layers.AssertReports(violations, typeof(UseCaseOnTheHttpContext));
        Assert.Contains(violations, v => v.EndsWith(": references Npgsql", StringComparison.Ordinal));
        Layers.AssertDoesNotReport(violations, typeof(UseCaseOnTheInfrastructureContext));
    }
}
