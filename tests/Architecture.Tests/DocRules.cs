using System.Text.RegularExpressions;

namespace AgentP.Architecture.Tests;

/// <summary>
/// What the docs name exists: every path written in backticks in README.md and docs/architecture.md (the map at the top of
/// the latter above all), and every test class they name as the one that enforces a rule. A doc that outlives a move or
/// a rename fails here instead of sending a newcomer to a file that is gone.
/// </summary>
internal static partial class DocRules
{
    public static readonly string[] Documents = ["README.md", "docs/architecture.md"];

    /// <summary>The paths and test names of <paramref name="text"/> that do not exist under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Missing(string root, string text, IReadOnlySet<string> testClasses)
    {
        var missing = new List<string>();
        foreach (var token in Backticked().Matches(text).Select(m => m.Groups[1].Value).Distinct())
        {
            if (TestName().IsMatch(token))
            {
                if (!testClasses.Contains(token)) missing.Add($"{token}: no test class of that name");
            }
            else if (PathOf(token) is { } path && !Exists(root, path))
                missing.Add($"{token}: no such file or folder ({path})");
        }
        return missing;
    }

    /// <summary>
    /// A token that names a file of the repository: from the root (<c>src/…</c>, <c>tests/…</c>, <c>build/…</c>,
    /// <c>docs/…</c>) or a project's folder (<c>Application/…</c>, which is <c>src/Application/…</c>). Placeholders
    /// (<c>&lt;role&gt;</c>, <c>{company}</c>) and what the build or a run makes (<c>artifacts/</c>, <c>.data/</c>) are not.
    /// </summary>
    private static string? PathOf(string token)
    {
        if (token.IndexOfAny(['<', '>', '{', '}', ' ', '$', '=', '?']) >= 0) return null;
        var path = token.Split(':')[0].TrimEnd('/', '.', ',');
        if (RootFolder().IsMatch(path)) return path;
        if (ProjectFolder().IsMatch(path)) return "src/" + path;
        return null;
    }

    private static bool Exists(string root, string path)
    {
        if (!path.Contains('*')) return File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path));
        var folder = Path.Combine(root, Path.GetDirectoryName(path)!);
        return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(path)).Any();
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[A-Z]\w*Tests$")]
    private static partial Regex TestName();

    [GeneratedRegex(@"^(src|tests|build|docs)/[\w./*-]+$")]
    private static partial Regex RootFolder();

    [GeneratedRegex(@"^(Domain|Application|Infrastructure|Web)/[\w./*-]+\.(cs|cshtml)$")]
    private static partial Regex ProjectFolder();
}
