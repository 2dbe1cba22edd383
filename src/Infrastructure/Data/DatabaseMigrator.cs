using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentP.Infrastructure.Data;

public static class DatabaseMigrator
{
    /// <summary>Brings <c>dashboard</c> up to the latest migration. EF takes a lock, so instances starting together are safe.</summary>
    public static async Task<IReadOnlyList<string>> MigrateDashboardAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILogger<DashboardDbContext>>()
                .LogInformation("Applying {Count} migration(s) to schema dashboard: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }
}
