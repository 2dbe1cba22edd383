namespace AgentP.Architecture.Tests;

/// <summary>Which layer may reference which (docs/architecture.md §3): the rule functions, each a list of violations.</summary>
internal static class LayerRules
{
    /// <summary>The assemblies of <paramref name="types"/> reference nothing but the base class library.</summary>
    public static IReadOnlyList<string> ReferencesBeyondTheBaseClassLibrary(IEnumerable<Type> types) =>
        types.Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetReferencedAssemblies()
                .Where(r => !r.Name!.StartsWith("System.", StringComparison.Ordinal))
                .Select(r => $"{a.GetName().Name}: references {r.Name}"))
            .ToList();

    /// <summary>Inner layers do not know the outer ones: no Infrastructure, no Web.</summary>
    public static IReadOnlyList<string> OuterLayerDependencies(IEnumerable<Type> types)
    {
        var list = types.ToList();
        return [
            .. Dependencies.AssemblyReferences(list, "AgentP.Infrastructure", "AgentP.Web"),
            .. Dependencies.On(list, "AgentP.Infrastructure", "AgentP.Web"),
        ];
    }

    /// <summary>
    /// The use cases know no database driver and no web framework: Npgsql belongs to Infrastructure, ASP.NET Core to Web.
    /// </summary>
    public static IReadOnlyList<string> DriverOrWebFrameworkDependencies(IEnumerable<Type> types)
    {
        var list = types.ToList();
        return [
            .. Dependencies.AssemblyReferences(list, "Npgsql", "Microsoft.AspNetCore"),
            .. Dependencies.On(list, "Npgsql", "Microsoft.AspNetCore"),
        ];
    }
}
