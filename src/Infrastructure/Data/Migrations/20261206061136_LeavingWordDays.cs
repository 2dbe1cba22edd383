using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// <c>dialog_word_days</c>: the leaving words counted per salon, local day and stage, so the Overview sums days × terms
    /// instead of counting every dropped dialog's terms of the range (1.5 million rows for a big salon's 90 days at bench
    /// scale 10). Row-level security as every tenant table (<c>RowLevelSecurity</c>); filled from <c>dialog_words</c> while the
    /// leaving-words mark's row is held, so no window of the index job adds terms meanwhile.
    /// </summary>
    public partial class LeavingWordDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dialog_word_days",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    term = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    dialogs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialog_word_days", x => new { x.tenant_id, x.day, x.stage, x.term });
                });

            migrationBuilder.Sql("""
                ALTER TABLE dashboard.dialog_word_days ENABLE ROW LEVEL SECURITY;
                ALTER TABLE dashboard.dialog_word_days FORCE ROW LEVEL SECURITY;
                CREATE POLICY scope ON dashboard.dialog_word_days USING ((SELECT dashboard.rls_all()) OR tenant_id = (SELECT dashboard.rls_tenant()));
                SELECT 1 FROM dashboard.dialog_word_marks WHERE id = 1 FOR UPDATE;
                SELECT set_config('app.tenant_id', 'system', true);
                INSERT INTO dashboard.dialog_word_days (tenant_id, day, stage, term, dialogs)
                SELECT tenant_id, day, stage, term, count(*) FROM dashboard.dialog_words GROUP BY tenant_id, day, stage, term;
                SELECT set_config('app.tenant_id', '', true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dialog_word_days",
                schema: "dashboard");
        }
    }
}
