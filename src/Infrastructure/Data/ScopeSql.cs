using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using Npgsql;
using NpgsqlTypes;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// The salon condition of raw SQL, written one way for every port (docs/architecture.md §6, the second line of isolation).
/// A port writes <see cref="Condition"/> for each alias whose rows belong to a salon and adds the condition's parameter with
/// <see cref="AddTo"/>. The salon is the unit of work's (<see cref="ITenantContext"/>, read when the statement is built, as a
/// DI scope may run several units of work): one salon, or every salon for a super_admin's "all salons" and the system. A
/// caller may only narrow it: a job scoped to every salon may collect one, a salon's unit of work may name its own salon;
/// naming another salon throws, and so does a unit of work with no scope. The architecture tests hold every type of
/// Infrastructure that builds SQL to this helper or to a named list (<c>SqlScopeRules</c>).
/// </summary>
public sealed class ScopeSql(ITenantContext tenant)
{
    /// <summary>
    /// The rows of <paramref name="tenantColumn"/>'s salon (a uuid column): one salon's, or true over every salon. One form
    /// for both, so a statement keeps its text; the planner folds the NULL test, as the parameter comes with its value.
    /// </summary>
    public static string Condition(string tenantColumn) => $"(@tenant::uuid IS NULL OR {tenantColumn} = @tenant::uuid)";

    /// <summary>The salon a statement reads: the scope's, or <paramref name="narrowedTo"/> within a scope of every salon.</summary>
    public Guid? Salon(Guid? narrowedTo = null)
    {
        var scope = tenant.RequireScope();
        if (scope is null || narrowedTo is null || narrowedTo == scope) return narrowedTo ?? scope;
        throw new InvalidOperationException("Raw SQL may narrow its unit of work's scope, never leave it: another salon was named.");
    }

    /// <summary>Adds <see cref="Condition"/>'s parameter: <see cref="Salon"/>, or null for every salon.</summary>
    public void AddTo(NpgsqlCommand command, Guid? narrowedTo = null) =>
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = (object?)Salon(narrowedTo) ?? DBNull.Value });
}
