using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeavingWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dialog_word_marks",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    indexed_up_to = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialog_word_marks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dialog_words",
                schema: "dashboard",
                columns: table => new
                {
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    term = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialog_words", x => new { x.session_id, x.term });
                });

            migrationBuilder.InsertData(
                schema: "dashboard",
                table: "dialog_word_marks",
                columns: new[] { "id", "indexed_up_to" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_words_tenant_id_day",
                schema: "dashboard",
                table: "dialog_words",
                columns: new[] { "tenant_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_words_tenant_id_term_day",
                schema: "dashboard",
                table: "dialog_words",
                columns: new[] { "tenant_id", "term", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dialog_word_marks",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "dialog_words",
                schema: "dashboard");
        }
    }
}
