using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInLockoutsPerAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Lockouts move from the account to the account and client address; a running account-wide lockout (at most
            // 15 minutes) is not carried over, as its address was never kept.
            migrationBuilder.DropColumn(
                name: "failed_login_count",
                schema: "dashboard",
                table: "users");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "dashboard",
                table: "users");

            migrationBuilder.CreateTable(
                name: "sign_in_lockouts",
                schema: "dashboard",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_lockouts", x => new { x.user_id, x.client_address });
                    table.ForeignKey(
                        name: "fk_sign_in_lockouts_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "dashboard",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_lockouts",
                schema: "dashboard");

            migrationBuilder.AddColumn<int>(
                name: "failed_login_count",
                schema: "dashboard",
                table: "users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "dashboard",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
