namespace AgentP.Architecture.Tests;

/// <summary>
/// Where a type lives (docs/architecture.md §3): a class, interface, enum or struct in a file of its own name, so whoever
/// knows a name finds its file. A use case's file (<c>GetRetention.cs</c>) also holds its validator and handler
/// (<c>GetRetentionValidator</c>, <c>GetRetentionHandler</c>), a page's code-behind its page model; records (a result, a row, a
/// port's figures) may sit beside the type whose signature they belong to.
/// </summary>
internal static class FileRules
{
    public static IReadOnlyList<string> TypesOutsideTheirFile(IEnumerable<(string Path, string Text)> files) =>
        (from file in files
         let stem = Stem(file.Path)
         from type in SourceFiles.DeclaredTypes(file.Text)
         where !type.Kind.StartsWith("record", StringComparison.Ordinal) && !Belongs(type.Name, stem, file.Path)
         select $"{type.Name}: {type.Kind} in {file.Path}, not in {type.Name}.cs").ToList();

    private static bool Belongs(string type, string stem, string path) =>
        type == stem
        || type == stem + "Validator" || type == stem + "Handler"
        || (path.EndsWith(".cshtml.cs", StringComparison.Ordinal) && type.EndsWith("Model", StringComparison.Ordinal));

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        return name[..name.IndexOf('.')];
    }
}
