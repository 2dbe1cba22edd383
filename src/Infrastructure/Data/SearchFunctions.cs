using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// The two search functions (migration <c>20261206050000_SearchFunctions</c>, docs/architecture.md §6) as composable queries:
/// a query that uses one reads it as <c>IN (SELECT "Value" FROM dashboard.search_…(…))</c>. They write no salon condition
/// because the functions apply the unit of work's scope themselves (from <c>app.tenant_id</c>, as the row policies do);
/// that is why this type, and only it, is named in the raw-SQL rule's list. <c>ClientSql</c> calls
/// <c>search_clients</c> in its own SQL text: a change of signature changes both.
/// </summary>
internal static class SearchFunctions
{
    public static IQueryable<long> Dialogs(DatabaseFacade database, string pattern) =>
        database.SqlQuery<long>($"SELECT session_id AS \"Value\" FROM dashboard.search_dialogs({pattern})");

    public static IQueryable<Guid> Clients(DatabaseFacade database, string pattern, string? phonePattern) =>
        database.SqlQuery<Guid>($"SELECT client_id AS \"Value\" FROM dashboard.search_clients({pattern}, {phonePattern})");
}
