using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CollectedAtIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_metrics_dailies_tenant_id_updated_at",
                schema: "dashboard",
                table: "metrics_dailies",
                columns: new[] { "tenant_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_metrics_dailies_updated_at",
                schema: "dashboard",
                table: "metrics_dailies",
                column: "updated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_metrics_dailies_tenant_id_updated_at",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropIndex(
                name: "ix_metrics_dailies_updated_at",
                schema: "dashboard",
                table: "metrics_dailies");
        }
    }
}
