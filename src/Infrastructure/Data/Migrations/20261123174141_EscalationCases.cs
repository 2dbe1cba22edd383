using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "escalation_reason",
                schema: "dashboard",
                table: "conversations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closure_reason",
                schema: "dashboard",
                table: "conversations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                schema: "dashboard",
                table: "conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "waiting_since",
                schema: "dashboard",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "escalation_sessions",
                schema: "dashboard",
                columns: table => new
                {
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_sessions", x => x.session_id);
                    table.ForeignKey(
                        name: "fk_escalation_sessions_conversations_case_id",
                        column: x => x.case_id,
                        principalSchema: "dashboard",
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_tenant_id_client_id",
                schema: "dashboard",
                table: "conversations",
                columns: new[] { "tenant_id", "client_id" });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_sessions_case_id",
                schema: "dashboard",
                table: "escalation_sessions",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_sessions",
                schema: "dashboard");

            migrationBuilder.DropIndex(
                name: "ix_conversations_tenant_id_client_id",
                schema: "dashboard",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                schema: "dashboard",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "waiting_since",
                schema: "dashboard",
                table: "conversations");

            migrationBuilder.AlterColumn<string>(
                name: "escalation_reason",
                schema: "dashboard",
                table: "conversations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closure_reason",
                schema: "dashboard",
                table: "conversations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);
        }
    }
}
