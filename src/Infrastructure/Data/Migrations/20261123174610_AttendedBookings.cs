using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttendedBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attended_bookings",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "attended_revenue",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "no_show_bookings",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attended_bookings",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "attended_revenue",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "no_show_bookings",
                schema: "dashboard",
                table: "metrics_dailies");
        }
    }
}
