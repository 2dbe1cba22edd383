using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace AgentP.Architecture.Tests;

/// <summary>Type dependencies by NetArchTest (signatures, fields, method bodies, compiler-generated nested types).</summary>
internal static class Dependencies
{
    /// <summary>Each of <paramref name="types"/> that depends on one of the namespaces or type names, as "type: depends on …".</summary>
    public static IReadOnlyList<string> On(IEnumerable<Type> types, params string[] forbidden) =>
        types.GroupBy(t => t.Assembly).SelectMany(group =>
        {
            // NetArchTest selects by assembly; narrow it to exactly these types (Cecil spells nested types with '/').
            var names = group.Select(t => t.FullName!.Replace('+', '/')).ToHashSet(StringComparer.Ordinal);
            var result = Types.InAssembly(group.Key).That().MeetCustomRule(new Among(names))
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            return result.FailingTypeNames ?? [];
        }).Select(name => $"{name}: depends on one of {string.Join(", ", forbidden)}").ToList();

    /// <summary>Assembly references whose names start with one of <paramref name="forbidden"/>, as "assembly: references …".</summary>
    public static IReadOnlyList<string> AssemblyReferences(IEnumerable<Type> types, params string[] forbidden) =>
        types.Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetReferencedAssemblies()
                .Where(r => forbidden.Any(f => r.Name!.StartsWith(f, StringComparison.Ordinal)))
                .Select(r => $"{a.GetName().Name}: references {r.Name}"))
            .ToList();

    private sealed class Among(IReadOnlySet<string> names) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => names.Contains(type.FullName);
    }
}
