-- Recommended indexes on the bot's tables (spec/database-spec.ru.md §8). OPT-IN: the dashboard never runs
-- DDL on public; the database owner applies this when convenient. CONCURRENTLY keeps the bot writing
-- meanwhile, so run it outside a transaction:
--
--   psql "$OWNER_URL" -f build/sql/public-indexes.sql
--
-- (The spec's metrics index, dashboard.metrics_dailies(tenant_id, day), is created by our migrations as a
-- unique index.)
\set ON_ERROR_STOP on

-- Sessions list with filters, newest first.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_sessions_tenant_status_date
  ON public.conversation_sessions_v2 (tenant_id, final_status, started_at DESC);

-- The sessions list and its keyset paging, newest first per salon (not in the spec: the dashboard's own need).
-- Without it the list walks idx_sessions_started and skips other salons' rows.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_sessions_tenant_started
  ON public.conversation_sessions_v2 (tenant_id, started_at DESC, id DESC);

-- The clients list and its keyset paging, newest first per salon (the dashboard's own need). Without it the list
-- reads and sorts the salon's clients for every page (≈8 ms per 30 000 on 2 cores).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_clients_tenant_created
  ON public.clients_v2 (tenant_id, created_at DESC, id DESC);

-- (A client's dialogs need no index here: the dashboard keeps its own, dashboard.dialog_facts by client.)

-- Pending wishlist items per salon.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_wishlist_tenant_pending
  ON public.wishlist_v2 (tenant_id) WHERE status = 'pending';

-- A transcript in order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_history_session_created
  ON public.recent_history_v2 (session_id, created_at);

-- Client search by name: a literal substring in any case (ILIKE '%…%'), which no b-tree serves. Trigrams need the
-- pg_trgm extension (on Supabase: Database → Extensions, or the statement below as the owner). Without it the
-- search reads the salon's clients (≈1 ms per 3 000, 10 ms per 30 000 on 2 cores).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_clients_name_trgm
  ON public.clients_v2 USING gin (full_name gin_trgm_ops);
