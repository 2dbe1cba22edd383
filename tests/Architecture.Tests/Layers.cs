using System.Reflection;

namespace AgentP.Architecture.Tests;

/// <summary>The assemblies under test, and the broken samples that prove each rule can fail.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(AgentP.Domain.Common.Codes).Assembly;
    public static readonly Assembly Application = typeof(AgentP.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(AgentP.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly Web = typeof(AgentP.Web.WebServices).Assembly;

    /// <summary>The deliberately broken types of this project, in <c>BrokenSamples</c>; never part of a real run.</summary>
    public static IReadOnlyList<Type> BrokenSamples { get; } = typeof(Layers).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(BrokenSamples.PageModelOnTheDatabase).Namespace).ToList();

    public static IReadOnlyList<Type> TypesOf(params Assembly[] assemblies) => assemblies.SelectMany(a => a.GetTypes()).ToList();

    /// <summary>Fails naming every violation, one a line, so the message says what to fix.</summary>
    public static void AssertNone(IReadOnlyCollection<string> violations, string rule)
    {
        if (violations.Count > 0) Assert.Fail($"{rule}:\n  " + string.Join("\n  ", violations));
    }

    /// <summary>The rule reported the sample: a violation starts with its name (every rule writes "type: what").</summary>
    public static void AssertReports(IReadOnlyCollection<string> violations, Type sample) =>
        Assert.True(violations.Any(v => Names(v, sample)), $"Expected a violation of {sample.FullName}; got:\n  " + string.Join("\n  ", violations));

    public static void AssertDoesNotReport(IReadOnlyCollection<string> violations, Type sample) =>
        Assert.False(violations.Any(v => Names(v, sample)), $"Did not expect {sample.FullName} among:\n  " + string.Join("\n  ", violations));

    private static bool Names(string violation, Type type) => violation.StartsWith(type.FullName + ":", StringComparison.Ordinal);
}
