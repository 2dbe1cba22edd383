using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationAnswerTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "escalation_answer_minutes",
                schema: "dashboard",
                table: "tenant_settings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "escalation_sla_notices",
                schema: "dashboard",
                columns: table => new
                {
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_sla_notices", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_escalation_sla_notices_conversations_case_id",
                        column: x => x.case_id,
                        principalSchema: "dashboard",
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_escalation_sla_notices_tenant_id",
                schema: "dashboard",
                table: "escalation_sla_notices",
                column: "tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_sla_notices",
                schema: "dashboard");

            migrationBuilder.DropColumn(
                name: "escalation_answer_minutes",
                schema: "dashboard",
                table: "tenant_settings");
        }
    }
}
