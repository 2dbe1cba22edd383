using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// <c>dashboard.known_zone(zone, fallback)</c>: the zone when PostgreSQL knows it, else the fallback (the default zone). The
    /// statements that still read a salon's zone from <c>tenant_settings</c> in SQL (the collector's, the heatmap's) take it
    /// through this, so a zone written by SQL that PostgreSQL does not know counts as the default, as it does in C#, instead
    /// of failing the statement (and with it the metrics job and every page that counts that salon). Called once per salon
    /// of a statement, never per row. Dropped by <c>DropKnownZone</c> once those statements took the zones as parameters.
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206040200_KnownZones")]
    public partial class KnownZones : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE FUNCTION dashboard.known_zone(zone text, fallback text) RETURNS text LANGUAGE plpgsql STABLE AS $$
            BEGIN
              IF zone IS NULL THEN RETURN fallback; END IF;
              PERFORM now() AT TIME ZONE zone;
              RETURN zone;
            EXCEPTION WHEN invalid_parameter_value THEN
              RETURN fallback;
            END $$;
            """);

        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION dashboard.known_zone(text, text);");
    }
}
