using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DialogFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dialog_facts",
                schema: "dashboard",
                columns: table => new
                {
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered = table.Column<int>(type: "integer", nullable: false),
                    response_ms_total = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialog_facts", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_tenant_id_started_at",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "tenant_id", "started_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "answered", "response_ms_total" });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_user_id_started_at_session_id",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "user_id", "started_at", "session_id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dialog_facts",
                schema: "dashboard");
        }
    }
}
