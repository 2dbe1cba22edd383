using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationClaimsAndCaseVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "digest_claimed_at",
                schema: "dashboard",
                table: "metrics_dailies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "dashboard",
                table: "conversations",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notification_claimed_at",
                schema: "dashboard",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "digest_claimed_at",
                schema: "dashboard",
                table: "metrics_dailies");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "dashboard",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "notification_claimed_at",
                schema: "dashboard",
                table: "alerts");
        }
    }
}
