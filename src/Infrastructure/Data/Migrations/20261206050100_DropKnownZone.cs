using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// <c>dashboard.known_zone</c> served the statements that read a salon's zone from <c>tenant_settings</c> in SQL; the
    /// heatmap and the collector now take each salon's zone from <c>ScopeZones</c> as parameters (one source for C# and SQL),
    /// so nothing calls it.
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206050100_DropKnownZone")]
    public partial class DropKnownZone : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS dashboard.known_zone(text, text);");

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE FUNCTION dashboard.known_zone(zone text, fallback text) RETURNS text LANGUAGE plpgsql STABLE AS $$
            BEGIN
              IF zone IS NULL THEN RETURN fallback; END IF;
              PERFORM now() AT TIME ZONE zone;
              RETURN zone;
            EXCEPTION WHEN invalid_parameter_value THEN
              RETURN fallback;
            END $$;
            """);
    }
}
