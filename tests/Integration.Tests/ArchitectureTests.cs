using AgentP.TestSupport;
using System.Reflection;
using AgentP.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace AgentP.Integration.Tests;

/// <summary>The layer rules of DESIGN §3, each shown to be able to fail.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(AgentP.Domain.Common.Codes).Assembly;
    private static readonly Assembly Application = typeof(AgentP.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(AgentP.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(AgentP.Web.WebServices).Assembly;

    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.StartsWith("System.", name));
    }

    [Fact]
    public void Application_references_neither_infrastructure_nor_web()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("AgentP.Infrastructure", "AgentP.Web", "Npgsql", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Page_models_never_touch_a_db_context()
    {
        var result = Types.InAssembly(Web).That().Inherit(typeof(PageModel)).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "AgentP.Infrastructure.Data", "Npgsql").GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
        Assert.NotEmpty(Types.InAssembly(Web).That().Inherit(typeof(PageModel)).GetTypes());
    }

    [Fact]
    public void The_dependency_check_does_report_a_real_dependency()
    {
        // The same kind of check, pointed where a dependency exists, reports it: the rules above are not vacuous.
        var result = Types.InAssembly(Infrastructure).That().HaveName(nameof(DashboardDbContext)).ShouldNot()
            .HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();
        Assert.False(result.IsSuccessful);
        Assert.Contains(Web.GetReferencedAssemblies(), a => a.Name == "AgentP.Infrastructure"); // and Web really does reference it

    }

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
