using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClientIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "client_facts",
                schema: "dashboard",
                columns: table => new
                {
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    phone_digits = table.Column<string>(type: "text", nullable: true),
                    client_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_dialog_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_dialog_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dialogs = table.Column<int>(type: "integer", nullable: false),
                    bookings = table.Column<int>(type: "integer", nullable: false),
                    last_visit = table.Column<DateOnly>(type: "date", nullable: true),
                    visit_interval = table.Column<int>(type: "integer", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    memory_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_facts", x => x.client_id);
                });

            migrationBuilder.CreateTable(
                name: "client_index_marks",
                schema: "dashboard",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    caught_up = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_index_marks", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "staff_names",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_names", x => new { x.tenant_id, x.staff_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_client_created_at_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "tenant_id", "client_created_at", "client_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_due_on_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "tenant_id", "due_on", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_first_dialog_at",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "tenant_id", "first_dialog_at" });

            // The client index counts each client's dialogs in the dialog index's own chunks, so the two start again
            // together: the job rebuilds both (readers meanwhile take every dialog above the mark live, as before a first run).
            migrationBuilder.Sql("TRUNCATE dashboard.dialog_facts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_facts",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "client_index_marks",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "staff_names",
                schema: "dashboard");
        }
    }
}
