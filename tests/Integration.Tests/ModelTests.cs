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
