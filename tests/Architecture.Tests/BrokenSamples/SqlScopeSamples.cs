using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Architecture.Tests.BrokenSamples;

/// <summary>Writes its own salon condition and parameter, as every port did before the helper: one typo away from all salons.</summary>
public sealed class PortWritingItsOwnSalonCondition(DashboardDbContext db)
{
    public NpgsqlCommand Command(Guid? tenantId)
    {
        var command = new NpgsqlCommand("SELECT count(*) FROM dashboard.alerts a WHERE (@tenant::uuid IS NULL OR a.tenant_id = @tenant::uuid)",
            (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)tenantId ?? DBNull.Value });
        return command;
    }
}

/// <summary>Reads a tenant table through EF's SqlQuery with no salon condition at all, in an async method (its state machine).</summary>
public sealed class PortForgettingTheSalon(DashboardDbContext db)
{
    public async Task<List<long>> IdsAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""SELECT id AS "Value" FROM dashboard.alerts""").ToListAsync(cancellationToken);
}

/// <summary>Writes the helper's condition but never adds its parameter: the statement would read whatever @tenant happens to be.</summary>
public sealed class PortWithTheConditionButNotItsParameter(DashboardDbContext db)
{
    public NpgsqlCommand Command() =>
        new($"SELECT count(*) FROM dashboard.alerts a WHERE {ScopeSql.Condition("a.tenant_id")}", (NpgsqlConnection)db.Database.GetDbConnection());
}

/// <summary>The control: the condition and its parameter through the helper.</summary>
public sealed class PortOnTheScope(DashboardDbContext db, ScopeSql scope)
{
    public NpgsqlCommand Command()
    {
        var command = new NpgsqlCommand($"SELECT count(*) FROM dashboard.alerts a WHERE {ScopeSql.Condition("a.tenant_id")}",
            (NpgsqlConnection)db.Database.GetDbConnection());
        scope.AddTo(command);
        return command;
    }
}

/// <summary>The control: no salon condition, named in the sample test's list (a job run as the system).</summary>
public sealed class ListedSystemJob(DashboardDbContext db)
{
    public Task<int> TouchAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("UPDATE dashboard.alerts SET updated_at = now() WHERE false", cancellationToken);
}
