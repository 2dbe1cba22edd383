using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Row-level security on every dashboard table with a tenant_id (docs/architecture.md §6, the third line): rows are
    /// visible and writable only within the scope the unit of work put in <c>app.tenant_id</c> (<see cref="TenantContext.DatabaseSetting"/>).
    /// FORCE, because the app role owns these tables (it migrates them) and an owner is otherwise exempt. After every migration
    /// that fills a tenant table from the bot's rows (DialogListIndex, DialogRollups): the migrator runs unscoped, and under
    /// these policies such a fill would see no row.
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206040000_RowLevelSecurity")]
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] Tables =
        [
            "alerts", "audits", "bookings", "client_facts", "metrics_dailies", "users", "dialog_facts", "conversations",
            "escalation_sessions", "staff_names", "tenant_settings", "wishlist_actions", "dialog_slots", "client_slots", "dialog_words",
            "escalation_sla_notices",
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The salon of the scope, or null (all salons, the system, an unscoped request, nothing set). Inlined by the
            // planner (one expression, STABLE), so tenant_id = rls_tenant() uses the tables' tenant indexes.
            migrationBuilder.Sql("""
                CREATE FUNCTION dashboard.rls_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
                  SELECT CASE WHEN current_setting('app.tenant_id', true) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                              THEN current_setting('app.tenant_id', true)::uuid END
                $$;
                CREATE FUNCTION dashboard.rls_all() RETURNS boolean LANGUAGE sql STABLE AS $$
                  SELECT coalesce(current_setting('app.tenant_id', true) IN ('all', 'system'), false)
                $$;
                """);
            // Each function in a scalar subquery: an InitPlan, evaluated once per statement rather than once per row (the
            // inlined setting and its pattern match cost microseconds a row: half a second over a salon's 300 000 slots), and
            // tenant_id = (SELECT …) is an index condition.
            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    ALTER TABLE dashboard.{table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE dashboard.{table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY scope ON dashboard.{table} USING ((SELECT dashboard.rls_all()) OR tenant_id = (SELECT dashboard.rls_tenant()));
                    """);
            // Account requests run unscoped (no salon is known before sign-in; one's own password; a reset link; creating
            // a user, whose salon the request names): they find and change accounts across salons and audit what they did
            // (only account actions; an insert's RETURNING needs the row visible too), and see no other salon data.
            // A salon's audit log names the platform's people who acted in it («платформа», docs/architecture.md §8): a
            // salon's unit of work may read the super_admins' rows (no salon's data), never write them.
            migrationBuilder.Sql("""
                CREATE POLICY platform_people ON dashboard.users FOR SELECT USING (tenant_id IS NULL AND (SELECT dashboard.rls_tenant()) IS NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE POLICY accounts ON dashboard.users USING ((SELECT current_setting('app.tenant_id', true)) = 'accounts');
                CREATE POLICY accounts ON dashboard.audits
                  USING ((SELECT current_setting('app.tenant_id', true)) = 'accounts'
                         AND action IN ('login', 'login_failed', 'logout', 'change_password', 'password_reset', 'create_user'));
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY accounts ON dashboard.users; DROP POLICY accounts ON dashboard.audits; DROP POLICY platform_people ON dashboard.users;");
            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    DROP POLICY scope ON dashboard.{table};
                    ALTER TABLE dashboard.{table} NO FORCE ROW LEVEL SECURITY;
                    ALTER TABLE dashboard.{table} DISABLE ROW LEVEL SECURITY;
                    """);
            migrationBuilder.Sql("DROP FUNCTION dashboard.rls_all(); DROP FUNCTION dashboard.rls_tenant();");
        }
    }
}
