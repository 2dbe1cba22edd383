using System.Text.RegularExpressions;

namespace AgentP.Architecture.Tests;

/// <summary>README.md and docs/architecture.md name only files and tests that exist (<see cref="DocRules"/>).</summary>
public sealed partial class DocTests
{
    private static readonly IReadOnlySet<string> TestClasses = Directory
        .EnumerateFiles(Path.Combine(SourceFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories)
        .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/") && !p.Contains("/BrokenSamples/"))
        .SelectMany(p => TestClass().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/architecture.md")]
    public void Every_path_and_test_a_document_names_exists(string document)
    {
        var missing = DocRules.Missing(SourceFiles.Root, File.ReadAllText(Path.Combine(SourceFiles.Root, document)), TestClasses);
        Assert.True(missing.Count == 0, document + ":\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_wrong_path_or_test_name_is_reported()
    {
        const string broken = """
            The sessions list: `Application/Sessions/GetSessions.cs`, `src/Web/Pages/Sessions/Index.cshtml`, `docs/benchmarks*.md`,
            tested by `SessionsTests`. Gone: `Application/Sessions/ListSessions.cs`, `src/Web/Pages/Dialogs/`, `docs/nothing*.md`,
            `NoSuchTests`. Not paths: `artifacts/screenshots/<role>/`, `Dashboard:ReportCacheSeconds`, `/sessions?from=…`.
            """;
        Assert.Equal(
            ["Application/Sessions/ListSessions.cs", "src/Web/Pages/Dialogs/", "docs/nothing*.md", "NoSuchTests"],
            DocRules.Missing(SourceFiles.Root, broken, TestClasses).Select(m => m.Split(':')[0]));
    }

    [GeneratedRegex(@"\bclass\s+(\w+Tests)\b")]
    private static partial Regex TestClass();
}
