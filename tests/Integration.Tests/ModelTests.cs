using AgentP.Application.Common.Interfaces;
using AgentP.TestSupport;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>The two EF models against the real schemas, and the tenant filter on every tenant-owned table.</summary>
public sealed class ModelTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_mapped_public_column_exists_with_the_spec_name()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PublicReadOnlyDbContext>().Model;
        var columns = await ColumnsAsync("public");

        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                Assert.Contains($"{table.Name}.{property.GetColumnName(table)}", columns);
        }
        Assert.Equal(6, model.GetEntityTypes().Count());
    }

    [Fact]
    public async Task The_public_context_is_excluded_from_migrations()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PublicReadOnlyDbContext>().GetService<IDesignTimeModel>().Model;
        Assert.All(model.GetEntityTypes(), e => Assert.True(e.IsTableExcludedFromMigrations(), e.Name));
    }

    [Fact]
    public async Task The_dashboard_migrations_match_the_model()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add: the model changed without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Our_timestamps_are_timestamptz()
    {
        var naive = await fixture.Db.ScalarAsync<long>("""
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = 'dashboard' AND data_type = 'timestamp without time zone'
            """);
        Assert.Equal(0L, naive);
    }

    [Theory]
    [InlineData(typeof(PublicReadOnlyDbContext))]
    [InlineData(typeof(DashboardDbContext))]
    public async Task Every_table_with_a_tenant_id_has_the_tenant_filter(Type contextType)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var model = ((DbContext)scope.ServiceProvider.GetRequiredService(contextType)).Model;
        var tenantOwned = model.GetEntityTypes()
            .Where(e => e.FindProperty("TenantId") is not null || typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .ToList();

        Assert.NotEmpty(tenantOwned);
        Assert.All(tenantOwned, e => Assert.True(e.GetDeclaredQueryFilters().Count > 0, $"{e.ClrType.Name} has no tenant filter"));
    }

    private async Task<HashSet<string>> ColumnsAsync(string schema)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Db.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = $1", connection);
        command.Parameters.AddWithValue(schema);
        var result = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }
}

public sealed class SpecInsertsFixture : AppFixture
{
    public Guid Salon { get; private set; }

    protected override async Task SeedAsync() => Salon = await Db.Bot.TenantAsync("Салон «По спецификации»");
}

/// <summary>
/// The database spec's own INSERTs (§4–5: only the columns without a default) work on our tables, and what they leave
/// to the defaults reads back through the model.
/// </summary>
public sealed class SpecInsertsTests(SpecInsertsFixture fixture) : IClassFixture<SpecInsertsFixture>
{
    [Fact]
    public async Task A_user_inserted_as_the_spec_migration_does_signs_in()
    {
        var hash = fixture.App.Services.GetRequiredService<AgentP.Application.Common.Interfaces.IPasswordHasher>().Hash("Spec-inserted-2026");
        await fixture.Db.ExecuteAsync("INSERT INTO dashboard.users (email, encrypted_password, role) VALUES ('spec-root@test.local', $1, 'super_admin')", true, hash);
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.users (email, encrypted_password, role, tenant_id) VALUES ('spec-admin@test.local', $1, 'admin', '{fixture.Salon}')", true, hash);
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.users (email, encrypted_password, tenant_id) VALUES ('spec-staff@test.local', $1, '{fixture.Salon}')", true, hash);

        foreach (var email in new[] { "spec-root@test.local", "spec-admin@test.local", "spec-staff@test.local" })
        {
            using var client = await fixture.App.SignedInAsync(email, "Spec-inserted-2026");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(email == "spec-root@test.local" ? "/platform" : "/")).StatusCode);
        }
        Assert.Equal("staff", await fixture.Db.ScalarAsync<string>("SELECT role FROM dashboard.users WHERE email = 'spec-staff@test.local'"));
        // Every user its own stamp: one shared default would let a sign-in of one outlive another's password change.
        Assert.Equal(3L, await fixture.Db.ScalarAsync<long>("SELECT count(DISTINCT security_stamp) FROM dashboard.users WHERE email LIKE 'spec-%'"));
    }

    [Fact]
    public async Task The_other_spec_tables_take_inserts_of_their_required_columns_and_read_back()
    {
        var salon = fixture.Salon;
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.metrics_dailies (tenant_id, day) VALUES ('{salon}', '2026-11-01')");
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.alerts (tenant_id, kind, day, triggered_at) VALUES ('{salon}', 'low_conversion', '2026-11-01', now())");
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.audits (tenant_id, action, description) VALUES ('{salon}', 'login', 'Вход по спецификации')");
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.conversations (tenant_id, client_id) VALUES ('{salon}', 'client-1')");
        await fixture.Db.ExecuteAsync($"INSERT INTO dashboard.bookings (tenant_id, external_id, client_id, start_at) VALUES ('{salon}', 'YC-spec', 'client-1', now())");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().ScopeToSystem(); // past row-level security, as a job reads
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var metrics = await db.MetricsDailies.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((0, 0m, "RUB"), (metrics.DialogsStarted, metrics.Conversion, metrics.Currency));
        Assert.Empty(metrics.TopServices);
        Assert.Equal(AlertSeverity.Warning, (await db.Alerts.IgnoreQueryFilters().SingleAsync()).Severity);
        Assert.Empty((await db.Audits.IgnoreQueryFilters().SingleAsync(a => a.Description == "Вход по спецификации")).Metadata);
        var conversation = await db.EscalationCases.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((EscalationStatus.Active, false), (conversation.Status, conversation.Escalated));
        Assert.Equal(BookingStatus.Created, (await db.BookingVerifications.IgnoreQueryFilters().SingleAsync()).Status);
        foreach (var table in new[] { "metrics_dailies", "alerts", "audits", "conversations", "bookings" })
            Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.{table} WHERE created_at IS NULL OR updated_at < created_at"));
    }
}
