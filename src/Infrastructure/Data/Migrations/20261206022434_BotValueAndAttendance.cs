using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class BotValueAndAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "minutes_per_reply",
                schema: "dashboard",
                table: "tenant_settings",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: false,
                defaultValue: 2m);

            migrationBuilder.AddColumn<decimal>(
                name: "monthly_bot_fee",
                schema: "dashboard",
                table: "tenant_settings",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                schema: "dashboard",
                table: "tenant_settings",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "after_hours_bookings",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "after_hours_dialogs",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "after_hours_revenue",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "bot_replies",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "priced_bookings",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "yclients_visit_status",
                schema: "dashboard",
                table: "bookings",
                type: "integer",
                nullable: true);
            // 001 §4.6: yclients_attendance is 1 came, 0 did not come, NULL not known. It held YClients' own visit status
            // (1, -1, 0, 2): that moves to yclients_visit_status, and a no-show is no longer filed as a cancellation.
            migrationBuilder.Sql("""
                UPDATE dashboard.bookings SET yclients_visit_status = yclients_attendance,
                  yclients_attendance = CASE yclients_attendance WHEN 1 THEN 1 WHEN -1 THEN 0 END,
                  status = CASE WHEN yclients_attendance = -1 THEN 'no_show' ELSE status END
                WHERE yclients_attendance IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE dashboard.bookings SET yclients_attendance = yclients_visit_status,
                  status = CASE WHEN status = 'no_show' THEN 'cancelled' ELSE status END;
                """);

            migrationBuilder.DropColumn(
                name: "minutes_per_reply",
                schema: "dashboard",
                table: "tenant_settings");

            migrationBuilder.DropColumn(
                name: "monthly_bot_fee",
                schema: "dashboard",
                table: "tenant_settings");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                schema: "dashboard",
                table: "tenant_settings");

            migrationBuilder.DropColumn(
                name: "after_hours_bookings",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "after_hours_dialogs",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "after_hours_revenue",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "bot_replies",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "priced_bookings",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "yclients_visit_status",
                schema: "dashboard",
                table: "bookings");
        }
    }
}
