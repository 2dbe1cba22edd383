using AgentP.Application.Common.Interfaces;

namespace AgentP.Architecture.Tests;

/// <summary>
/// Only the scope behaviour changes a unit of work's scope (docs/architecture.md §6): a handler, page or port that calls
/// <c>ScopeTo…</c> or <c>Unscope</c> itself decides what a request may see behind its declaration's back.
/// </summary>
internal static class ScopeRules
{
    private static readonly string[] Changes =
        [nameof(ITenantContext.ScopeTo), nameof(ITenantContext.ScopeToAllTenants), nameof(ITenantContext.ScopeToSystem), nameof(ITenantContext.Unscope)];

    /// <summary>The types that may change a scope, by full name, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Scopers = new Dictionary<string, string>
    {
        ["AgentP.Application.Common.Behaviours.TenantScopeBehaviour`2"] = "resolves each request's declared scope: the one place",
        ["AgentP.Application.Metrics.MetricsChunks"] = "gives each parallel chunk's fresh DI scope the system scope its request (a job or the CLI, ISystemRequest) had",
        ["AgentP.Application.Common.Caching.EntryScope"] = "gives a cache entry's background refresh, in a fresh DI scope, the scope the entry was read in (its key holds that scope)",
    };

    /// <summary>Every type (with its lambdas and state machines) that calls a scope change on <see cref="ITenantContext"/> and is not named.</summary>
    public static IReadOnlyList<string> UnlistedScopeChanges(IEnumerable<Type> types, IReadOnlyCollection<string> scopers)
    {
        using var bodies = new MethodBodies();
        return (from type in types.Where(t => !t.IsNested && !scopers.Contains(t.FullName!))
                let calls = MethodBodies.Calls(bodies.Definition(type))
                    .Where(c => Changes.Contains(c.Callee.Name) && c.Callee.DeclaringType.FullName == typeof(ITenantContext).FullName).ToList()
                where calls.Count > 0
                select $"{type.FullName}: changes the unit of work's scope in {string.Join(", ", calls.Select(c => c.Caller.DeclaringType.Name + "." + c.Caller.Name).Distinct())}; "
                       + $"declare the scope on the request, or name the type in {nameof(ScopeRules)}.{nameof(Scopers)} with a reason").ToList();
    }
}
