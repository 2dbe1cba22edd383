using AgentP.Application.Common.Interfaces;
using AgentP.Infrastructure.Data;
using Mono.Cecil;

namespace AgentP.Architecture.Tests;

/// <summary>
/// The bot's schema is read-only to the dashboard (docs/architecture.md §2): the public context throws on SaveChanges, but
/// bulk updates, bulk deletes and raw SQL go past SaveChanges. A bulk write names its entity, so no bulk write may name a
/// bot entity, whatever context it goes through; raw SQL names no entity, so no type that reaches the public data may run
/// any. (Raw SQL through the dashboard's own context, such as the collector's, may read <c>public</c>: it is not this port,
/// and the app's database role has only SELECT there.)
/// </summary>
internal static class PublicDataRules
{
    private static readonly IReadOnlySet<string> PublicData = new HashSet<string>(StringComparer.Ordinal)
    {
        typeof(IPublicData).FullName!,
        typeof(PublicReadOnlyDbContext).FullName!,
    };

    private static readonly string[] RawSql = ["ExecuteSql", "SqlQuery", "FromSql"];

    private static readonly string BotEntities = typeof(AgentP.Domain.Bot.Client).Namespace!;

    /// <summary>Every type mentioning IPublicData or the public context whose methods run raw SQL.</summary>
    public static IReadOnlyList<string> RawSqlBesidePublicData(IEnumerable<Type> types)
    {
        using var bodies = new MethodBodies();
        return (from type in types.Where(t => !t.IsNested)
                let definition = bodies.Definition(type)
                where MethodBodies.Mentions(definition, PublicData)
                from call in MethodBodies.Calls(definition)
                where RawSql.Any(name => call.Callee.Name.StartsWith(name, StringComparison.Ordinal))
                select $"{type.FullName}: reaches the public data and calls {Describe(call)}").Distinct().ToList();
    }

    /// <summary>
    /// Every type whose methods bulk-update or bulk-delete a bot entity (<c>AgentP.Domain.Bot</c>), whatever it reaches it
    /// through: the entity type argument says which table a bulk write goes to.
    /// </summary>
    public static IReadOnlyList<string> BulkWritesToBotTables(IEnumerable<Type> types)
    {
        using var bodies = new MethodBodies();
        return (from type in types.Where(t => !t.IsNested)
                from call in MethodBodies.Calls(bodies.Definition(type))
                where call.Callee.Name.StartsWith("ExecuteUpdate", StringComparison.Ordinal)
                      || call.Callee.Name.StartsWith("ExecuteDelete", StringComparison.Ordinal)
                where call.Callee is GenericInstanceMethod g && g.GenericArguments.Any(a => a.Namespace == BotEntities)
                select $"{type.FullName}: bulk-writes a bot table with {Describe(call)}").Distinct().ToList();
    }

    private static string Describe(MethodBodies.Call call) =>
        $"{call.Callee.DeclaringType.Name}.{call.Callee.Name} in {call.Caller.DeclaringType.Name}.{call.Caller.Name}";
}
