using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// Puts the unit of work's scope into <c>app.tenant_id</c> each time a context opens its connection, for the row-level
/// security policies (docs/architecture.md §6), and clears it when the context closes the connection. Session-level, not
/// SET LOCAL: EF runs most statements outside a transaction. Every open sets it afresh and every close clears it, so a
/// pooled connection (no DISCARD ALL between rents, <see cref="DatabaseConnection"/>) never carries one unit of work's
/// scope into the next. The raw SQL ports open through the context (<c>Database.OpenConnectionAsync</c>), so they get
/// it too.
/// </summary>
internal sealed class ScopeSettingInterceptor : DbConnectionInterceptor
{
    public const string Setting = "app.tenant_id";

    public static readonly ScopeSettingInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, ScopeOf(eventData));
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, ScopeOf(eventData));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var command = Command(connection, "");
                command.ExecuteNonQuery();
            }
        }
        catch (DbException)
        {
            // A connection that broke (the database went away) cannot be cleared and must not hide the error that broke
            // it; the next open sets the scope afresh either way.
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = Command(connection, "");
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (DbException)
        {
            // As above.
        }
        return result;
    }

    private static string ScopeOf(ConnectionEventData eventData) =>
        eventData.Context is ITenantFiltered { TenantScope: TenantContext scope } ? scope.DatabaseSetting : "";

    private static DbCommand Command(DbConnection connection, string value)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @scope, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "scope";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
