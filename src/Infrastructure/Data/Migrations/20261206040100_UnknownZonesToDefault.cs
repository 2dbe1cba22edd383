using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// A stored zone PostgreSQL does not know («Europe//Moscow», which .NET accepted, or one written by SQL) made the salon's
    /// pages and the metrics job fail: such salons count in the default zone (null), as the pages already showed them.
    /// Schema dashboard only. The update runs as the system past row-level security (this migration's transaction only).
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206040100_UnknownZonesToDefault")]
    public partial class UnknownZonesToDefault : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            SELECT set_config('app.tenant_id', 'system', true);
            UPDATE dashboard.tenant_settings SET time_zone = NULL
            WHERE time_zone IS NOT NULL AND time_zone NOT IN (SELECT name FROM pg_timezone_names);
            SELECT set_config('app.tenant_id', '', true);
            """);

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The misspelt zones are not kept: nothing to restore.
        }
    }
}
