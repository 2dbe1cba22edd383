using AgentP.Application.Tenants;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Tenants;

/// <summary>
/// The bot's salons, read with SQL through the dashboard's context, so the public context's tenant filter does not narrow them
/// to the request's scope (docs/architecture.md §6: what must be read platform-wide is read behind a port). Read-only, as all of
/// <c>public</c> is to the app's role.
/// </summary>
public sealed class PlatformSalonsSql(DashboardDbContext db) : IPlatformSalons
{
    // The context's snake_case convention maps the columns to TenantChoice's members.
    public async Task<IReadOnlyList<TenantChoice>> AllAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<TenantChoice>($"""
            SELECT id, name, is_active FROM public.tenants_v2 ORDER BY name
            """).ToListAsync(cancellationToken);
}
