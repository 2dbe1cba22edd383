using AgentP.Application.Alerts;
using AgentP.Application.Attention;
using AgentP.Application.Escalations;
using AgentP.Application.Overview;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// The menu badges are asked for by every page: one answer per scope is reused, never across salons, and read afresh
/// as soon as alerts or cases change on this instance.
/// </summary>
public sealed class CachedAttentionTests(CachingSalonsFixture fixture) : IClassFixture<CachingSalonsFixture>
{
    [Fact]
    public async Task Badge_counts_are_reused_per_salon_and_read_again_after_an_alert_is_acknowledged_or_a_case_resolved()
    {
        var first = await AlertAsync(fixture.SalonA, "2026-11-20");
        Assert.Equal(new AttentionCounts(1, 0), await fixture.App.SendAs(fixture.AdminA, new GetAttentionCounts()));

        // Changed behind this instance's back (as another instance or the bot would): reused for a while…
        await AlertAsync(fixture.SalonA, "2026-11-21");
        var @case = await CaseAsync(fixture.SalonA);
        await CaseAsync(fixture.SalonA);
        Assert.Equal(new AttentionCounts(1, 0), await fixture.App.SendAs(fixture.AdminA, new GetAttentionCounts()));
        // …never another salon's, and the platform owner's "all salons" is its own answer.
        Assert.Equal(new AttentionCounts(0, 0), await fixture.App.SendAs(fixture.AdminB, new GetAttentionCounts()));
        Assert.Equal(new AttentionCounts(2, 2), await fixture.App.SendAs(fixture.SuperAdmin, new GetAttentionCounts()));

        // A change made here: every scope reads afresh at once.
        await fixture.App.SendAs(fixture.AdminA, new AcknowledgeAlert(first));
        Assert.Equal(new AttentionCounts(1, 2), await fixture.App.SendAs(fixture.AdminA, new GetAttentionCounts()));
        Assert.True(await fixture.App.SendAs(fixture.AdminA, new ResolveEscalation(@case, "Перезвонили, записали")));
        Assert.Equal(new AttentionCounts(1, 1), await fixture.App.SendAs(fixture.AdminA, new GetAttentionCounts()));
        Assert.Equal(new AttentionCounts(1, 1), await fixture.App.SendAs(fixture.SuperAdmin, new GetAttentionCounts()));
    }

    [Fact]
    public async Task A_pooled_context_nobody_scoped_sees_no_salon()
    {
        // Contexts are pooled and handed to each request scoped to its salon; one taken from the pool directly is scoped
        // to nothing, and the tenant filter lets no salon's rows through.
        await using var bot = await fixture.App.Services.GetRequiredService<IDbContextFactory<PublicReadOnlyDbContext>>().CreateDbContextAsync();
        await using var dashboard = await fixture.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await bot.Sessions.CountAsync());
        Assert.Equal(0, await dashboard.Users.CountAsync(u => u.TenantId != null));
        // Past the filter, the database's row-level policies still show an unscoped connection no salon's rows; the bot's
        // tables have those policies only where their owner opted in (build/sql/public-rls.sql).
        Assert.Equal(0, await dashboard.Users.IgnoreQueryFilters().CountAsync(u => u.TenantId != null));
        if (Environment.GetEnvironmentVariable("AGENTP_TEST_PUBLIC_RLS") != "1")
            Assert.True(await bot.Sessions.IgnoreQueryFilters().CountAsync() > 0);
    }

    private Task<long> AlertAsync(Guid salon, string day) => fixture.Db.ScalarAsync<long>($"""
        INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
        VALUES ('{salon}', 'low_conversion', 'warning', '{day}', 15, 5, 'Конверсия 5,0 %', now(), now(), now()) RETURNING id
        """);

    private Task<long> CaseAsync(Guid salon) => fixture.Db.ScalarAsync<long>($"""
        INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, waiting_since, reopen_count, created_at, updated_at)
        VALUES ('{salon}', '{Guid.NewGuid()}', 'active', true, now(), now(), 0, now(), now()) RETURNING id
        """);
}

/// <summary>The salons with reuse on, YClients configured, and credentials for salon A only.</summary>
public sealed class CachingYclientsSalonsFixture : SalonsFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string>(CachedFiveMinutes) { ["Yclients:PartnerToken"] = "PARTNER" });

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Db.ExecuteAsync("""UPDATE public.tenants_v2 SET metadata = '{"yclients_company_id": "555", "yclients_token": "USER"}' WHERE id = $1""", true, SalonA);
    }
}

public sealed class CachedOverviewTests(CachingYclientsSalonsFixture fixture) : IClassFixture<CachingYclientsSalonsFixture>
{
    [Fact]
    public async Task Whether_yclients_is_connected_is_reused_per_salon_never_across()
    {
        // Salon B (no credentials) asks first; salon A, and every salon together, must still get their own answer.
        Assert.False((await fixture.App.SendAs(fixture.AdminB, new GetOverview("7d"))).YclientsConnected);
        Assert.True((await fixture.App.SendAs(fixture.AdminA, new GetOverview("7d"))).YclientsConnected);
        Assert.True((await fixture.App.SendAs(fixture.SuperAdmin, new GetOverview("7d"))).YclientsConnected);
        Assert.False((await fixture.App.SendAs(fixture.AdminB, new GetOverview("7d"))).YclientsConnected);
    }
}
