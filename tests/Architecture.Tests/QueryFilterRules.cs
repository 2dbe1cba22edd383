using Microsoft.EntityFrameworkCore;

namespace AgentP.Architecture.Tests;

/// <summary>
/// The tenant query filters are lifted only where a list says why (docs/architecture.md §6): <c>IgnoreQueryFilters()</c>
/// shows a query every salon's rows, so each type that calls it is named here with its reason and how many calls it makes.
/// </summary>
internal static class QueryFilterRules
{
    /// <summary>
    /// The types that lift the filters, by type name (the calls in their lambdas and state machines count as theirs): how many
    /// call sites, and why. A new call in a listed type changes its count and fails as surely as a call in an unlisted one.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int Calls, string Reason)> Lifted = new Dictionary<string, (int, string)>
    {
        ["SignInHandler"] = (1, "finds the user by e-mail: no salon is known before sign-in"),
        ["CheckSignInHandler"] = (1, "the cookie's user by id, sent by the cookie validation before the principal is trusted"),
        ["ChangePasswordHandler"] = (1, "the caller's own row by id: unscoped, one's own account whatever salon is picked"),
        ["ResetPasswordHandler"] = (1, "the user by the hash of the link's token: nobody is signed in, the token is the credential"),
        ["CreateUserValidator"] = (1, "any user with the e-mail (unique across the platform); CreateUser is unscoped"),
        ["AuditEntries"] = (2, "the users with the filter's e-mail, and each entry's actor (a super_admin belongs to no salon), each in a query of its own"),
    };

    /// <summary>
    /// Every type whose calls to <see cref="EntityFrameworkQueryableExtensions.IgnoreQueryFilters{TEntity}(IQueryable{TEntity})"/>
    /// (any overload) are not named in <paramref name="lifted"/> with exactly that many calls, and every named type that makes
    /// another number of them (none any more included: the list says what the code does).
    /// </summary>
    public static IReadOnlyList<string> UnlistedFilterLifts(IEnumerable<Type> types, IReadOnlyDictionary<string, int> lifted)
    {
        using var bodies = new MethodBodies();
        return (from type in types.Where(t => !t.IsNested)
                let calls = MethodBodies.Calls(bodies.Definition(type)).Where(IsIgnoreQueryFilters).ToList()
                where (calls.Count > 0 || lifted.ContainsKey(type.Name)) && lifted.GetValueOrDefault(type.Name) != calls.Count
                select lifted.ContainsKey(type.Name)
                    ? $"{type.FullName}: calls IgnoreQueryFilters {calls.Count} times, named with {lifted[type.Name]} in {nameof(QueryFilterRules)}.{nameof(Lifted)}; say why for each"
                    : $"{type.FullName}: lifts the tenant filter with IgnoreQueryFilters in {string.Join(", ", calls.Select(c => c.Caller.DeclaringType.Name + "." + c.Caller.Name).Distinct())}; "
                      + $"let the scope decide, or name it in {nameof(QueryFilterRules)}.{nameof(Lifted)} with a reason").ToList();
    }

    /// <summary>The names in <paramref name="lifted"/> that no type of <paramref name="types"/> bears (renamed, or its calls gone).</summary>
    public static IReadOnlyList<string> StaleNames(IEnumerable<Type> types, IEnumerable<string> lifted)
    {
        var names = types.Where(t => !t.IsNested).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return lifted.Where(n => !names.Contains(n)).Select(n => $"{n}: named in {nameof(QueryFilterRules)}.{nameof(Lifted)} but not found").ToList();
    }

    private static bool IsIgnoreQueryFilters(MethodBodies.Call call) =>
        call.Callee.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters)
        && call.Callee.DeclaringType.FullName == typeof(EntityFrameworkQueryableExtensions).FullName;
}
