using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevenueByCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "revenue_by_currency",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revenue_by_currency",
                schema: "dashboard",
                table: "metrics_dailies");
        }
    }
}
