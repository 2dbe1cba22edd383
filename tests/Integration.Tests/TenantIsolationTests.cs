using AgentP.TestSupport;
using System.Net;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>docs/architecture.md §6: an admin or staff member only ever sees their own salon, whatever the request names.</summary>
public sealed class TenantIsolationTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>, IAsyncLifetime
{
    /// <summary>Every test asks against a warm cache: whatever salons B and C's pages left there.</summary>
    public Task InitializeAsync() => fixture.WarmTheCacheAsOtherSalonsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_of_salon_A_naming_salon_B_gets_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.App.SendAs(fixture.AdminA, Today(fixture.SalonB)));
    }

    [Fact]
    public async Task Staff_of_salon_A_naming_salon_B_gets_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.App.SendAs(fixture.StaffA, Today(fixture.SalonB)));
    }

    [Fact]
    public async Task Admin_sees_only_their_salons_figures()
    {
        var today = await fixture.App.SendAs(fixture.AdminA, Today());
        Assert.Equal(("Салон «Альфа»", 3L, 2L), (today.SalonName, today.Current.Dialogs, today.Current.Bookings));
        Assert.Equal(new DateOnly(2026, 11, 23), today.Today);
    }

    [Fact]
    public async Task Admin_naming_their_own_salon_is_served()
    {
        var today = await fixture.App.SendAs(fixture.AdminB, Today(fixture.SalonB));
        Assert.Equal((5L, 1L), (today.Current.Dialogs, today.Current.Bookings));
    }

    [Fact]
    public async Task Super_admin_sees_the_picked_salon_or_all_salons()
    {
        var picked = await fixture.App.SendAs(fixture.SuperAdmin with { Selected = fixture.SalonB }, Today());
        Assert.Equal(("Студия «Бета»", 5L), (picked.SalonName, picked.Current.Dialogs));

        var all = await fixture.App.SendAs(fixture.SuperAdmin, Today());
        Assert.Equal((null, 10L, 3L), (all.SalonName, all.Current.Dialogs, all.Current.Bookings)); // each salon's own today
    }

    [Fact]
    public async Task Super_admin_naming_an_unknown_salon_gets_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.App.SendAs(fixture.SuperAdmin, Today(Guid.NewGuid())));
    }

    [Fact]
    public async Task An_unscoped_unit_of_work_sees_no_bot_rows_at_all()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IPublicData>();
        Assert.Equal(0, await bot.Sessions.CountAsync());
        Assert.Equal(0, await bot.Tenants.CountAsync());
        // The rows exist: the filter hid them. With the owner's opt-in policies on public (AGENTP_TEST_PUBLIC_RLS=1) the
        // database hides them too, from a unit of work nobody scoped.
        Assert.Equal(PostgresServer.PublicRowLevelSecurity ? 0 : 12, await bot.Sessions.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task An_unscoped_unit_of_work_sees_no_platform_rows_either()
    {
        // Users and audit entries may belong to no salon (a super_admin, a platform action): an unscoped unit of work
        // must not see them as "no salon = no scope".
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDashboardDb>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Audits.CountAsync());
        // Nor with the query filter lifted: the database's row-level security hides them from a unit of work nobody scoped.
        Assert.Equal(0, await db.Users.IgnoreQueryFilters().CountAsync());
        Assert.True(await fixture.Db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM dashboard.users WHERE tenant_id IS NULL)")); // the super_admin exists
    }

    [Fact]
    public async Task The_query_filter_reads_the_scope_of_each_unit_of_work_not_the_first_one()
    {
        foreach (var (salon, expected) in new[] { (fixture.SalonA, 4), (fixture.SalonB, 5), (fixture.SalonA, 4) })
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeTo(salon);
            var bot = scope.ServiceProvider.GetRequiredService<IPublicData>();
            Assert.Equal(expected, await bot.Sessions.CountAsync());
            Assert.True(await bot.Sessions.AllAsync(s => s.TenantId == salon));
        }
    }

    [Fact]
    public async Task An_admin_cannot_use_the_super_admins_tenant_switcher()
    {
        using var client = fixture.App.Browser();
        await DashboardApp.PostLoginAsync(client, "admin-a@test.local", SalonsFixture.Password);
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/");
        var response = await client.PostAsync("/switch-tenant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenantId"] = fixture.SalonB.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/status/403", response.Headers.Location!.PathAndQuery);

        var home = await client.GetStringAsync("/");
        Assert.Contains("Салон «Альфа»", home);
        Assert.DoesNotContain("Студия «Бета»", home);
    }

    [Fact]
    public async Task Super_admin_switches_salon_in_the_header()
    {
        using var client = fixture.App.Browser();
        await DashboardApp.PostLoginAsync(client, "root@test.local", SalonsFixture.Password);
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/");
        var response = await client.PostAsync("/switch-tenant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenantId"] = fixture.SalonB.ToString(), ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"overview-salon\">Студия «Бета»</h1>", home);
        Assert.Contains("data-testid=\"kpi-dialogs\">5</p>", home);

        var unknown = await client.PostAsync("/switch-tenant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tenantId"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/"),
        }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/sessions/export", "sessions", "Мария Петрова")]
    [InlineData("/clients?handler=export", "clients", "Мария Петрова")]
    [InlineData("/?handler=export&range=today", "overview", "2026-11-23;2026-11-23;yes;5;1;")]
    [InlineData("/audit?handler=export", "audit", "admin-b@test.local")]
    public async Task Another_salons_admin_exports_their_own_salons_rows_only_and_audits_it_there(string url, string what, string own)
    {
        using (await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password)) { } // salon A's sign-in is in the log
        using var client = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);

        var csv = await client.GetStringAsync(url);

        Assert.Contains(own, csv);
        Assert.DoesNotContain("Анна Иванова", csv);
        Assert.DoesNotContain("admin-a@test.local", csv);
        Assert.DoesNotContain("2026-11-23;no;3;2;", csv);
        Assert.Equal(fixture.SalonB.ToString(), await fixture.Db.ScalarAsync<string>($"""
            SELECT tenant_id::text FROM dashboard.audits WHERE action = 'export' AND metadata->>'what' = '{what}' ORDER BY id DESC LIMIT 1
            """));
    }

    private static GetOverview Today(Guid? tenant = null) => new("today", TenantId: tenant);
}
