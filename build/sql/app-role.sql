-- Creates the role the dashboard runs as (docs/architecture.md §4.3). Run as the database owner (on Supabase: the
-- "postgres" user in the SQL editor or psql), after the bot's tables exist:
--
--   psql "$OWNER_URL" -v app_role=agentp_app -v app_password='…' -f build/sql/app-role.sql
--
-- The role owns schema dashboard (so the app can migrate it) and may only SELECT the bot's tables in
-- public, plus REFERENCES on tenants_v2 for the foreign keys from dashboard. Safe to run again: it
-- re-applies the grants and sets the password.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'app_role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec
ALTER ROLE :"app_role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';

SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app_role') \gexec

-- The search role (docs/architecture.md §6): row-level security keeps a non-leakproof ILIKE from the trigram indexes, so
-- the dashboard's search runs in functions owned by this role, which a policy lets read the searchable columns and which
-- apply the unit of work's scope themselves. It never logs in. The app is granted it only so that its migrations may make
-- it the functions' owner, and without inheritance (NOINHERIT; on PostgreSQL 16+ also per grant): the app never acts with
-- its rights, nor falls under its policy. The migration refuses to run when the app would inherit it.
\set search_role :app_role _search
SELECT format('CREATE ROLE %I NOLOGIN NOINHERIT', :'search_role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'search_role') \gexec
ALTER ROLE :"search_role" WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
ALTER ROLE :"app_role" NOINHERIT;
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
            THEN format('GRANT %I TO %I WITH INHERIT FALSE, SET TRUE', :'search_role', :'app_role')
            ELSE format('GRANT %I TO %I', :'search_role', :'app_role') END \gexec

CREATE SCHEMA IF NOT EXISTS dashboard AUTHORIZATION :"app_role";
ALTER SCHEMA dashboard OWNER TO :"app_role";
-- Trigram indexes for the dashboard's search (gin_trgm_ops); the owner creates the extension, as the app role may not.
-- Where it is already installed (Supabase keeps extensions in schema "extensions"), nothing changes.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA dashboard;

GRANT USAGE ON SCHEMA public TO :"app_role";
REVOKE CREATE ON SCHEMA public FROM :"app_role";
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app_role";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT REFERENCES ON public.tenants_v2 TO :"app_role";
-- Tables the owner adds to public later are readable too (only for tables created by the role running this).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO :"app_role";
