using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The client index keeps the latest visit each client booked (<c>booked_until</c>), so the due list no longer reads the
    /// bot's recent dialogs on every request (issue 22). The clients already indexed get it here, once, from their indexed
    /// dialogs (archived rows do not change); the index job's chunks keep it from then on.
    /// </summary>
    public partial class ClientBookedUntil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_client_facts_tenant_id_due_on_client_id",
                schema: "dashboard",
                table: "client_facts");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "booked_until",
                schema: "dashboard",
                table: "client_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_client_created_at_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "client_created_at", "client_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_due_on_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "due_on", "client_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "tenant_id", "booked_until" });

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_due_on_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "tenant_id", "due_on", "client_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "booked_until" });

            // The backfill, as the index job's chunks count it (ClientIndex.BookedUntil): the dialogs of the dialog index, in the
            // client's own salon, not cancelled. Under the index's lock, so no chunk runs meanwhile; in the system's scope, as
            // the row-level policies (RowLevelSecurity) would otherwise hide every row from the unscoped migrator.
            migrationBuilder.Sql("""
                SELECT pg_advisory_xact_lock(73460017);
                SELECT set_config('app.tenant_id', 'system', true);
                UPDATE dashboard.client_facts f SET booked_until = b.booked_until
                FROM (SELECT s.user_id, s.tenant_id, max(s.booking_datetime) AS booked_until
                      FROM public.conversation_sessions_v2 s JOIN dashboard.dialog_facts d ON d.session_id = s.id
                      WHERE s.booking_datetime IS NOT NULL AND coalesce(s.booking_status, '') <> 'cancelled'
                      GROUP BY s.user_id, s.tenant_id) b
                WHERE f.client_id = b.user_id AND f.tenant_id = b.tenant_id;
                SELECT set_config('app.tenant_id', '', true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_client_facts_client_created_at_client_id",
                schema: "dashboard",
                table: "client_facts");

            migrationBuilder.DropIndex(
                name: "ix_client_facts_due_on_client_id",
                schema: "dashboard",
                table: "client_facts");

            migrationBuilder.DropIndex(
                name: "ix_client_facts_tenant_id_due_on_client_id",
                schema: "dashboard",
                table: "client_facts");

            migrationBuilder.DropColumn(
                name: "booked_until",
                schema: "dashboard",
                table: "client_facts");

            migrationBuilder.CreateIndex(
                name: "ix_client_facts_tenant_id_due_on_client_id",
                schema: "dashboard",
                table: "client_facts",
                columns: new[] { "tenant_id", "due_on", "client_id" });
        }
    }
}
