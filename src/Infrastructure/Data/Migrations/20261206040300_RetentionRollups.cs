using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Retention's rollups (docs/architecture.md §5): per salon, local day and gap to the client's previous dialog day; per
    /// salon, cohort month and later month; the zone each salon's rows are counted in. Empty here: the dialog index counts every
    /// salon without a zone row from its <c>client_slots</c> on its next run (readers count from client_slots meanwhile).
    /// Row-level security as every tenant table (RowLevelSecurity).
    /// </summary>
    public partial class RetentionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_cohorts",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort = table.Column<DateOnly>(type: "date", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    clients = table.Column<int>(type: "integer", nullable: false),
                    booked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_cohorts", x => new { x.tenant_id, x.cohort, x.month });
                });

            migrationBuilder.CreateTable(
                name: "retention_days",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    gap = table.Column<short>(type: "smallint", nullable: false),
                    clients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_days", x => new { x.tenant_id, x.day, x.gap });
                });

            migrationBuilder.CreateTable(
                name: "retention_zones",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_zones", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_client_slots_tenant_id_client_id_slot",
                schema: "dashboard",
                table: "client_slots",
                columns: new[] { "tenant_id", "client_id", "slot" })
                .Annotation("Npgsql:IndexInclude", new[] { "bookings" });

            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    ALTER TABLE dashboard.{table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE dashboard.{table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY scope ON dashboard.{table} USING ((SELECT dashboard.rls_all()) OR tenant_id = (SELECT dashboard.rls_tenant()));
                    """);
        }

        private static readonly string[] Tables = ["retention_days", "retention_cohorts", "retention_zones"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_cohorts",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "retention_days",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "retention_zones",
                schema: "dashboard");

            migrationBuilder.DropIndex(
                name: "ix_client_slots_tenant_id_client_id_slot",
                schema: "dashboard",
                table: "client_slots");
        }
    }
}
