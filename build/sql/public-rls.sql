-- Row-level security on the bot's tables for the dashboard's read role (docs/architecture.md §6, the third line of
-- isolation). OPT-IN: the dashboard never runs DDL on public; the bot's owner applies this when convenient, after
-- app-role.sql:
--
--   psql "$OWNER_URL" -v app_role=agentp_app -f build/sql/public-rls.sql
--
-- The dashboard's role then reads only the rows of the scope its unit of work puts in app.tenant_id (a salon's id,
-- 'all' or 'system'; 'accounts' — a sign-in — reads salons' names only). Every other role is unaffected: a permissive
-- policy lets any other role do what its grants allow, and the owner and BYPASSRLS roles skip policies anyway. So the
-- bot keeps writing as before. What it costs the dashboard's pages: README, "Row-level security".
-- Safe to run again. To undo: ALTER TABLE … DISABLE ROW LEVEL SECURITY on the six tables (the policies may stay).
\set ON_ERROR_STOP on

SET client_min_messages = warning;
BEGIN;
SELECT format($f$
  ALTER TABLE public.%1$I ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS agentp_others ON public.%1$I;
  CREATE POLICY agentp_others ON public.%1$I USING (current_user <> %2$L) WITH CHECK (current_user <> %2$L);
  DROP POLICY IF EXISTS agentp_scope ON public.%1$I;
  CREATE POLICY agentp_scope ON public.%1$I FOR SELECT TO %2$I USING (
    (SELECT coalesce(current_setting('app.tenant_id', true) IN ('all', 'system'), false))
    OR %3$I = (SELECT CASE WHEN current_setting('app.tenant_id', true) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                           THEN current_setting('app.tenant_id', true)::uuid END)
    %4$s);
  $f$, t.name, :'app_role', t.tenant_column,
  -- A sign-in names the user's salon, and creating a user checks the named salon exists: both before any salon is scoped.
  CASE WHEN t.name = 'tenants_v2' THEN $c$OR (SELECT current_setting('app.tenant_id', true)) = 'accounts'$c$ ELSE '' END)
FROM (VALUES ('tenants_v2', 'id'), ('clients_v2', 'tenant_id'), ('conversation_sessions_v2', 'tenant_id'),
             ('recent_history_v2', 'tenant_id'), ('wishlist_v2', 'tenant_id'), ('user_ltm_v2', 'tenant_id')) AS t(name, tenant_column)
\gexec
COMMIT;
