using AgentP.TestSupport;
using AgentP.Domain.Bot;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentP.Integration.Tests;

/// <summary>docs/architecture.md §2: the dashboard never writes to public — enforced by the database role and by the context.</summary>
public sealed class PublicSchemaIsReadOnlyTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Theory]
    [InlineData("INSERT INTO public.tenants_v2 (name) VALUES ('x')")]
    [InlineData("UPDATE public.conversation_sessions_v2 SET final_status = 'done'")]
    [InlineData("DELETE FROM public.recent_history_v2")]
    [InlineData("UPDATE public.wishlist_v2 SET status = 'converted'")]
    [InlineData("TRUNCATE public.clients_v2 CASCADE")]
    [InlineData("CREATE TABLE public.dashboard_sneaks_in (id int)")]
    [InlineData("ALTER TABLE public.tenants_v2 ADD COLUMN x int")]
    public async Task The_app_role_is_refused_any_change_to_public(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => fixture.Db.ExecuteAsync(sql, asOwner: false));
        Assert.Contains(error.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, "42501" });
    }

    [Fact]
    public async Task The_app_role_reads_public_and_writes_dashboard()
    {
        Assert.Equal(3L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM public.tenants_v2", asOwner: false));
        // Within a scope (row-level security, the database's line of isolation): the salon's own rows.
        await fixture.Db.ExecuteAsync($"""
            SET app.tenant_id = '{fixture.SalonA}';
            INSERT INTO dashboard.tenant_settings (tenant_id, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
            VALUES ('{fixture.SalonA}', 15, 50, 20, 5, true, now());
            DELETE FROM dashboard.tenant_settings WHERE tenant_id = '{fixture.SalonA}';
            """, asOwner: false);
    }

    [Fact]
    public async Task Every_save_overload_of_the_public_context_throws_and_writes_nothing()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PublicReadOnlyDbContext>();
        context.Add(new Tenant { Id = Guid.NewGuid(), Name = "Не должен появиться" });

        Assert.Throws<InvalidOperationException>(() => context.SaveChanges());
        Assert.Throws<InvalidOperationException>(() => context.SaveChanges(acceptAllChangesOnSuccess: true));
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync(acceptAllChangesOnSuccess: true));
        Assert.Equal(3L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM public.tenants_v2"));
    }

    [Fact]
    public async Task The_public_context_does_not_track_what_it_reads()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PublicReadOnlyDbContext>();
        _ = await context.Set<Tenant>().IgnoreQueryFilters().ToListAsync();
        Assert.Empty(context.ChangeTracker.Entries());
    }
}
