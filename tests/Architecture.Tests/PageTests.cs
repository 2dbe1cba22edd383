using AgentP.Architecture.Tests.BrokenSamples;
using AgentP.Web.Pages;
using AgentP.Web.ViewComponents;

namespace AgentP.Architecture.Tests;

public sealed class PageTests
{
    private static readonly IReadOnlyList<Type> Pages = Layers.TypesOf(Layers.Web).Where(PageRules.IsPageOrViewComponent).ToList();

    [Fact]
    public void The_page_rules_see_the_pages_and_view_components_of_web()
    {
        // A selection that found nothing would let every rule below pass.
        Assert.Contains(typeof(LoginModel), Pages);
        Assert.Contains(typeof(NavBadgeViewComponent), Pages);
    }

    [Fact]
    public void Pages_and_view_components_take_only_the_mediator_and_application_types()
    {
        Layers.AssertNone(PageRules.ForbiddenServices(Pages), "Pages or view components take a service besides the mediator");
    }

    [Fact]
    public void The_services_rule_reports_a_page_taking_a_db_context_and_a_view_component_taking_a_port()
    {
        var violations = PageRules.ForbiddenServices(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(PageModelOnTheDatabase));
        Layers.AssertReports(violations, typeof(PageModelWithAServiceInAHandler));
        Layers.AssertReports(violations, typeof(ViewComponentOnAPort));
        Layers.AssertDoesNotReport(violations, typeof(ThinPageModel));
        Assert.Equal(3, violations.Count(v => v.StartsWith(typeof(PageModelOnTheDatabase).FullName + ":", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_services_rule_reports_a_page_taking_a_concrete_application_service()
    {
        var violations = PageRules.ForbiddenServices(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(PageModelOnAConcreteService));
    }

    private static readonly IReadOnlyList<Type> Views = Layers.TypesOf(Layers.Web).Where(PageRules.IsView).ToList();

    [Fact]
    public void Compiled_views_inject_neither_the_mediator_nor_a_port()
    {
        Assert.Contains(Views, v => v.Name == "Pages_Index"); // the selection sees the .cshtml files
        Layers.AssertNone(PageRules.ViewInjections(Views), "Views inject a service besides what a page may take");
    }

    [Fact]
    public void The_view_rule_reports_a_view_injecting_the_mediator_and_a_port()
    {
        var violations = PageRules.ViewInjections(Layers.BrokenSamples);
        var reported = violations.Where(v => v.StartsWith(typeof(ViewInjectingTheMediator).FullName + ":", StringComparison.Ordinal)).ToList();
        Assert.True(reported.Count == 2, string.Join("\n", violations));
        Layers.AssertDoesNotReport(violations, typeof(ThinView));
    }

    [Fact]
    public void Pages_and_view_components_never_touch_infrastructure_or_a_db_context()
    {
        Layers.AssertNone(PageRules.DataAccessDependencies(Pages), "Pages or view components depend on data access");
    }

    [Fact]
    public void The_data_access_rule_reports_a_page_on_a_db_context()
    {
        var violations = PageRules.DataAccessDependencies(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(PageModelOnTheDatabase));
        Layers.AssertReports(violations, typeof(ViewComponentQueryingEf));
        Layers.AssertDoesNotReport(violations, typeof(ThinPageModel));
    }
}
