using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DialogRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "client_slots",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dialogs = table.Column<int>(type: "integer", nullable: false),
                    bookings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_slots", x => new { x.tenant_id, x.slot, x.client_id });
                });

            migrationBuilder.CreateTable(
                name: "dialog_slots",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dialogs = table.Column<int>(type: "integer", nullable: false),
                    answered = table.Column<int>(type: "integer", nullable: false),
                    response_ms_total = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialog_slots", x => new { x.tenant_id, x.slot });
                });

            migrationBuilder.CreateTable(
                name: "rollup_marks",
                schema: "dashboard",
                columns: table => new
                {
                    rollup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rolled_up_to = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_marks", x => x.rollup);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_slots",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "dialog_slots",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "rollup_marks",
                schema: "dashboard");
        }
    }
}
