using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentP.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The search through the dashboard's trigram indexes, under row-level security. A policy is a security barrier: the
    /// planner may not run a predicate that is not leakproof (ILIKE, LIKE) before it, so <c>summary ILIKE '%…%'</c> on a
    /// table with a policy never becomes an index condition and a search reads every row of the salon (0.5 s for a salon's
    /// 100 000 dialogs). <c>dashboard.search_dialogs</c> and <c>dashboard.search_clients</c> run as the search role
    /// (<c>&lt;app role&gt;_search</c>, made by build/sql/app-role.sql), which a policy of its own lets read the searchable
    /// columns — so their ILIKE is an index condition — and they apply the unit of work's scope themselves, from the same
    /// setting the policies read (<c>rls_all()</c>, <c>rls_tenant()</c>): the database still answers only the scope's rows,
    /// whatever the query that calls them says. The app is a member of the search role (to hand it these functions) but
    /// does not inherit it, so that role's policy never applies to the app's own statements: checked here.
    /// A later migration that changes a function must act as its owner and give the owner CREATE on the schema for that
    /// moment: <c>GRANT CREATE ON SCHEMA dashboard TO &lt;search role&gt;; SET LOCAL ROLE &lt;search role&gt;; CREATE OR
    /// REPLACE FUNCTION …; SET LOCAL ROLE &lt;app role&gt;; REVOKE CREATE …</c> (in a DO block, names from
    /// <c>current_user</c>, as below). A new signature is a drop (as Down does) and a create handed over as Up does (owner,
    /// then EXECUTE granted by the owner). A new searchable column needs <c>GRANT SELECT (column)</c> to the search role,
    /// and the same test in the short query's C# (<c>SessionSearch.Scan</c>) and in <c>ClientSql.Matches</c> (the clients
    /// read live before the client index is ready).
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206050000_SearchFunctions")]
    public partial class SearchFunctions : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DO $do$
            DECLARE
              searcher text := current_user || '_search';
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = searcher) OR NOT pg_has_role(current_user, searcher, 'MEMBER') THEN
                RAISE EXCEPTION 'The role % is missing or not granted to %: run build/sql/app-role.sql as the database owner (it creates it), then migrate again.', searcher, current_user;
              END IF;
              IF pg_has_role(current_user, searcher, 'USAGE') THEN
                RAISE EXCEPTION 'The role % inherits %, whose policy would show it every salon: run build/sql/app-role.sql as the database owner (it makes % NOINHERIT), then migrate again.', current_user, searcher, current_user;
              END IF;
              EXECUTE format('GRANT USAGE ON SCHEMA dashboard TO %I', searcher);
              EXECUTE format('GRANT SELECT (session_id, tenant_id, summary, final_summary) ON dashboard.dialog_facts TO %I', searcher);
              EXECUTE format('GRANT SELECT (client_id, tenant_id, name, phone_digits) ON dashboard.client_facts TO %I', searcher);
              EXECUTE format('CREATE POLICY search ON dashboard.dialog_facts FOR SELECT TO %I USING (true)', searcher);
              EXECUTE format('CREATE POLICY search ON dashboard.client_facts FOR SELECT TO %I USING (true)', searcher);
            END $do$;

            -- The scope as the policies read it: every salon for 'all' and 'system', else the one salon, else none. Read once
            -- into a variable and planned with its value (force_custom_plan; the pattern's value too): a small salon's search
            -- then reads the salon's rows by its index and tests them, a big one's the trigram index, and neither pays for
            -- the other salons' matches (no cost, nor time, that depends on another salon's data).
            CREATE FUNCTION dashboard.search_dialogs(pattern text) RETURNS TABLE (session_id bigint)
              LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
              DECLARE salon uuid := dashboard.rls_tenant();
              BEGIN
                IF dashboard.rls_all() THEN
                  RETURN QUERY SELECT f.session_id FROM dashboard.dialog_facts f
                    WHERE f.summary ILIKE pattern ESCAPE '\' OR f.final_summary ILIKE pattern ESCAPE '\';
                ELSIF salon IS NOT NULL THEN
                  RETURN QUERY SELECT f.session_id FROM dashboard.dialog_facts f
                    WHERE f.tenant_id = salon AND (f.summary ILIKE pattern ESCAPE '\' OR f.final_summary ILIKE pattern ESCAPE '\');
                END IF;
              END $$;
            CREATE FUNCTION dashboard.search_clients(pattern text, phone_pattern text) RETURNS TABLE (client_id uuid)
              LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_custom_plan AS $$
              DECLARE salon uuid := dashboard.rls_tenant();
              BEGIN
                IF dashboard.rls_all() THEN
                  RETURN QUERY SELECT c.client_id FROM dashboard.client_facts c
                    WHERE c.name ILIKE pattern ESCAPE '\' OR (phone_pattern IS NOT NULL AND c.phone_digits LIKE phone_pattern);
                ELSIF salon IS NOT NULL THEN
                  RETURN QUERY SELECT c.client_id FROM dashboard.client_facts c
                    WHERE c.tenant_id = salon
                      AND (c.name ILIKE pattern ESCAPE '\' OR (phone_pattern IS NOT NULL AND c.phone_digits LIKE phone_pattern));
                END IF;
              END $$;
            REVOKE ALL ON FUNCTION dashboard.search_dialogs(text), dashboard.search_clients(text, text) FROM PUBLIC;

            DO $do$
            DECLARE
              app text := current_user;
              searcher text := current_user || '_search';
            BEGIN
              -- A new owner needs CREATE on the schema at the moment it is made owner, not after.
              EXECUTE format('GRANT CREATE ON SCHEMA dashboard TO %I', searcher);
              EXECUTE format('ALTER FUNCTION dashboard.search_dialogs(text) OWNER TO %I', searcher);
              EXECUTE format('ALTER FUNCTION dashboard.search_clients(text, text) OWNER TO %I', searcher);
              EXECUTE format('REVOKE CREATE ON SCHEMA dashboard FROM %I', searcher);
              -- Only the owner grants the right to call them (the app does not inherit it, so acts as it for this).
              EXECUTE format('SET LOCAL ROLE %I', searcher);
              EXECUTE format('GRANT EXECUTE ON FUNCTION dashboard.search_dialogs(text), dashboard.search_clients(text, text) TO %I', app);
              EXECUTE format('SET LOCAL ROLE %I', app);
            END $do$;
            """);

        // The app owns neither function (it does not inherit their owner): it drops them as the search role.
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DO $do$
            DECLARE
              app text := current_user;
              searcher text := current_user || '_search';
            BEGIN
              EXECUTE format('SET LOCAL ROLE %I', searcher);
              DROP FUNCTION dashboard.search_dialogs(text);
              DROP FUNCTION dashboard.search_clients(text, text);
              EXECUTE format('SET LOCAL ROLE %I', app);
              DROP POLICY search ON dashboard.dialog_facts;
              DROP POLICY search ON dashboard.client_facts;
              EXECUTE format('REVOKE ALL ON dashboard.dialog_facts, dashboard.client_facts FROM %I', searcher);
              EXECUTE format('REVOKE USAGE ON SCHEMA dashboard FROM %I', searcher);
            END $do$;
            """);
    }
}
