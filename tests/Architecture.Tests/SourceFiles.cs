using System.Text.RegularExpressions;

namespace AgentP.Architecture.Tests;

/// <summary>The product's C# sources as text (the rules that are about where code lives, not what it references).</summary>
internal static partial class SourceFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every hand-written <c>.cs</c> file under <c>src/</c> (generated migrations and build output left out), by path from the root.</summary>
    public static IReadOnlyList<(string Path, string Text)> Product { get; } = Directory
        .EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
        .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/") && !p.Contains("/Migrations/") && !p.Contains("/node_modules/"))
        .Order(StringComparer.Ordinal)
        .Select(p => (p, File.ReadAllText(Path.Combine(Root, p))))
        .ToList();

    /// <summary>The top-level types a file declares: kind (<c>class</c>, <c>record</c>, …) and name without type parameters.</summary>
    public static IEnumerable<(string Kind, string Name)> DeclaredTypes(string text) =>
        TopLevelType().Matches(text).Select(m => (m.Groups["kind"].Value, m.Groups["name"].Value));

    [GeneratedRegex(@"^(?:public|internal)\b[^(\n{;=]*?\b(?<kind>record\s+struct|record|class|interface|enum|struct)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgentP.sln"))) return dir.FullName;
        throw new InvalidOperationException("AgentP.sln not found above the test binaries.");
    }
}
