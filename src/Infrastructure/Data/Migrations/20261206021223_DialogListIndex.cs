using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DialogListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "booking_amount",
                schema: "dashboard",
                table: "dialog_facts",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "booking_currency",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "booking_id",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "duration_sec",
                schema: "dashboard",
                table: "dialog_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "final_summary",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "intent",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "messages_count",
                schema: "dashboard",
                table: "dialog_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sentiment",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "services",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "summary",
                schema: "dashboard",
                table: "dialog_facts",
                type: "text",
                nullable: true);

            // The indexed dialogs get their list columns from the bot's rows once (archived rows do not change); new ones get
            // them from the index job's insert.
            migrationBuilder.Sql("""
                UPDATE dashboard.dialog_facts f SET
                  channel = s.channel, status = s.final_status, intent = s.final_intent, duration_sec = s.duration_sec,
                  messages_count = s.messages_count, booking_id = s.booking_id, booking_amount = s.booking_amount,
                  booking_currency = s.booking_currency,
                  sentiment = CASE WHEN jsonb_typeof(s.meta->'sentiment') = 'string' THEN s.meta->>'sentiment' END,
                  stage = CASE WHEN jsonb_typeof(s.meta->'drop_off_stage') = 'string' THEN s.meta->>'drop_off_stage' END,
                  services = CASE WHEN jsonb_typeof(s.meta->'services_mentioned') = 'array' THEN
                    ARRAY(SELECT e #>> '{}' FROM jsonb_array_elements(s.meta->'services_mentioned') e WHERE jsonb_typeof(e) = 'string') END,
                  staff = CASE
                    WHEN s.meta ? 'staff_name' THEN CASE WHEN jsonb_typeof(s.meta->'staff_name') = 'string' THEN s.meta->>'staff_name' END
                    WHEN jsonb_typeof(s.meta->'staff_id') = 'string' THEN s.meta->>'staff_id'
                    WHEN jsonb_typeof(s.meta->'staff_id') = 'number' AND (s.meta->'staff_id')::numeric >= 0
                         AND (s.meta->'staff_id')::numeric < 9223372036854775808
                         AND (s.meta->'staff_id')::numeric = trunc((s.meta->'staff_id')::numeric)
                      THEN trunc((s.meta->'staff_id')::numeric)::text END,
                  summary = coalesce(s.summary, s.final_summary),
                  final_summary = CASE WHEN s.summary IS NOT NULL THEN s.final_summary END
                FROM public.conversation_sessions_v2 s
                WHERE s.id = f.session_id
                """);

            // Search through trigram indexes (pg_trgm's gin_trgm_ops serves ILIKE '%…%'). build/sql/app-role.sql creates the
            // extension as the database owner; where it is missing, the app role tries (a trusted extension since
            // PostgreSQL 13: it needs CREATE on the database). The operator class is named by the schema it was installed in
            // (dashboard, or Supabase's extensions).
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    CREATE EXTENSION pg_trgm WITH SCHEMA dashboard;
                  END IF;
                EXCEPTION WHEN insufficient_privilege THEN
                  RAISE EXCEPTION 'The extension pg_trgm is missing and this role may not create it: run build/sql/app-role.sql as the database owner (it creates it), then migrate again.';
                END $$;
                """);
            migrationBuilder.Sql("""
                DO $$
                DECLARE ops text := (SELECT format('%I.%I', n.nspname, o.opcname)
                                     FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace JOIN pg_am a ON a.oid = o.opcmethod
                                     WHERE o.opcname = 'gin_trgm_ops' AND a.amname = 'gin' LIMIT 1);
                BEGIN
                  EXECUTE format('CREATE INDEX ix_dialog_facts_summary_trgm ON dashboard.dialog_facts USING gin (summary %s)', ops);
                  EXECUTE format('CREATE INDEX ix_dialog_facts_final_summary_trgm ON dashboard.dialog_facts USING gin (final_summary %s)', ops);
                  EXECUTE format('CREATE INDEX ix_client_facts_name_trgm ON dashboard.client_facts USING gin (name %s)', ops);
                  EXECUTE format('CREATE INDEX ix_client_facts_phone_digits_trgm ON dashboard.client_facts USING gin (phone_digits %s)', ops);
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_list",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "tenant_id", "started_at", "session_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_list_all",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "started_at", "session_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_services",
                schema: "dashboard",
                table: "dialog_facts",
                column: "services")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_tenant_id_intent_started_at_session_id",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "tenant_id", "intent", "started_at", "session_id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_dialog_facts_tenant_id_staff_started_at_session_id",
                schema: "dashboard",
                table: "dialog_facts",
                columns: new[] { "tenant_id", "staff", "started_at", "session_id" },
                descending: new[] { false, false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX dashboard.ix_dialog_facts_summary_trgm;
                DROP INDEX dashboard.ix_dialog_facts_final_summary_trgm;
                DROP INDEX dashboard.ix_client_facts_name_trgm;
                DROP INDEX dashboard.ix_client_facts_phone_digits_trgm;
                """);

            migrationBuilder.DropIndex(
                name: "ix_dialog_facts_list",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropIndex(
                name: "ix_dialog_facts_list_all",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropIndex(
                name: "ix_dialog_facts_services",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropIndex(
                name: "ix_dialog_facts_tenant_id_intent_started_at_session_id",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropIndex(
                name: "ix_dialog_facts_tenant_id_staff_started_at_session_id",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "booking_amount",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "booking_currency",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "booking_id",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "channel",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "duration_sec",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "final_summary",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "intent",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "messages_count",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "sentiment",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "services",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "staff",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "stage",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "dashboard",
                table: "dialog_facts");

            migrationBuilder.DropColumn(
                name: "summary",
                schema: "dashboard",
                table: "dialog_facts");
        }
    }
}
