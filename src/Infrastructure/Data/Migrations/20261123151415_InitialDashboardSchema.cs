using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDashboardSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dashboard");

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    threshold = table.Column<decimal>(type: "numeric", nullable: true),
                    actual = table.Column<decimal>(type: "numeric", nullable: true),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    triggered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<long>(type: "bigint", nullable: true),
                    notification_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notification_note = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session_id = table.Column<long>(type: "bigint", nullable: true),
                    start_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service_code = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verification_data = table.Column<string>(type: "jsonb", nullable: true),
                    yclients_attendance = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    escalated = table.Column<bool>(type: "boolean", nullable: false),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalation_reason = table.Column<string>(type: "text", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closure_reason = table.Column<string>(type: "text", nullable: true),
                    closed_by = table.Column<long>(type: "bigint", nullable: true),
                    last_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "metrics_dailies",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dialogs_started = table.Column<int>(type: "integer", nullable: false),
                    bookings = table.Column<int>(type: "integer", nullable: false),
                    conversion = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    avg_response_ms = table.Column<int>(type: "integer", nullable: false),
                    total_revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    escalated = table.Column<int>(type: "integer", nullable: false),
                    dropped = table.Column<int>(type: "integer", nullable: false),
                    funnel_completed = table.Column<int>(type: "integer", nullable: false),
                    dropped_at_service = table.Column<int>(type: "integer", nullable: false),
                    dropped_at_staff = table.Column<int>(type: "integer", nullable: false),
                    dropped_at_date = table.Column<int>(type: "integer", nullable: false),
                    dropped_at_time = table.Column<int>(type: "integer", nullable: false),
                    telegram_dialogs = table.Column<int>(type: "integer", nullable: false),
                    whatsapp_dialogs = table.Column<int>(type: "integer", nullable: false),
                    positive_dialogs = table.Column<int>(type: "integer", nullable: false),
                    neutral_dialogs = table.Column<int>(type: "integer", nullable: false),
                    negative_dialogs = table.Column<int>(type: "integer", nullable: false),
                    top_services = table.Column<string>(type: "jsonb", nullable: false),
                    top_staff = table.Column<string>(type: "jsonb", nullable: false),
                    digest_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metrics_dailies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenant_settings",
                schema: "dashboard",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    low_conversion_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    high_drop_off_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    error_spike_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    min_dialogs = table.Column<int>(type: "integer", nullable: false),
                    digest_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    notification_chat_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    encrypted_password = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reset_password_token = table.Column<string>(type: "text", nullable: true),
                    reset_password_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    remember_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    failed_login_count = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_login_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    security_stamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audits",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: true),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audits", x => x.id);
                    table.ForeignKey(
                        name: "fk_audits_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "dashboard",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "wishlist_actions",
                schema: "dashboard",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    wishlist_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    processed_by = table.Column<long>(type: "bigint", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wishlist_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_wishlist_actions_users_processed_by",
                        column: x => x.processed_by,
                        principalSchema: "dashboard",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_tenant_id_acknowledged_at",
                schema: "dashboard",
                table: "alerts",
                columns: new[] { "tenant_id", "acknowledged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_tenant_id_kind_day",
                schema: "dashboard",
                table: "alerts",
                columns: new[] { "tenant_id", "kind", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audits_tenant_id_created_at",
                schema: "dashboard",
                table: "audits",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audits_user_id",
                schema: "dashboard",
                table: "audits",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_session_id",
                schema: "dashboard",
                table: "bookings",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_tenant_id_external_id",
                schema: "dashboard",
                table: "bookings",
                columns: new[] { "tenant_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_session_id",
                schema: "dashboard",
                table: "conversations",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_tenant_id_status_escalated_at",
                schema: "dashboard",
                table: "conversations",
                columns: new[] { "tenant_id", "status", "escalated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_metrics_dailies_tenant_id_day",
                schema: "dashboard",
                table: "metrics_dailies",
                columns: new[] { "tenant_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                schema: "dashboard",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_tenant_id",
                schema: "dashboard",
                table: "users",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_wishlist_actions_processed_by",
                schema: "dashboard",
                table: "wishlist_actions",
                column: "processed_by");

            migrationBuilder.CreateIndex(
                name: "ix_wishlist_actions_tenant_id_wishlist_id_processed_at",
                schema: "dashboard",
                table: "wishlist_actions",
                columns: new[] { "tenant_id", "wishlist_id", "processed_at" });

            // The spec's foreign keys into the bot's schema. The app role holds REFERENCES on tenants_v2 for
            // exactly this (build/sql/app-role.sql); nothing here changes public itself.
            foreach (var table in new[] { "users", "metrics_dailies", "alerts", "tenant_settings", "wishlist_actions" })
            {
                migrationBuilder.Sql(
                    $"ALTER TABLE dashboard.{table} ADD CONSTRAINT fk_{table}_tenants_v2_tenant_id " +
                    "FOREIGN KEY (tenant_id) REFERENCES public.tenants_v2 (id);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "audits",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "conversations",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "metrics_dailies",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "tenant_settings",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "wishlist_actions",
                schema: "dashboard");

            migrationBuilder.DropTable(
                name: "users",
                schema: "dashboard");
        }
    }
}
