-- The bot's schema (spec/database-spec.ru.md §3), for development and tests only.
-- In production these tables exist already and belong to the bot; run this as the database owner,
-- never as the dashboard's app role. Safe to run twice.
\set ON_ERROR_STOP on

CREATE TABLE IF NOT EXISTS public.tenants_v2 (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  slug TEXT UNIQUE,
  is_active BOOLEAN NOT NULL DEFAULT true,
  metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS public.clients_v2 (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES public.tenants_v2(id),
  telegram_chat_id BIGINT,
  whatsapp_id TEXT,
  phone TEXT,
  yclients_client_id BIGINT,
  full_name TEXT,
  meta JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_clients_tenant ON public.clients_v2(tenant_id);
CREATE INDEX IF NOT EXISTS idx_clients_phone ON public.clients_v2(phone);

CREATE TABLE IF NOT EXISTS public.conversation_sessions_v2 (
  id BIGSERIAL PRIMARY KEY,
  session_id UUID NOT NULL,
  tenant_id UUID NOT NULL REFERENCES public.tenants_v2(id),
  user_id UUID NOT NULL REFERENCES public.clients_v2(id),
  channel TEXT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ,
  duration_sec INTEGER,
  final_status TEXT NOT NULL,
  final_intent TEXT,
  final_summary TEXT,
  booking_id TEXT,
  booking_source TEXT,
  booking_status TEXT,
  booking_datetime TIMESTAMPTZ,
  booking_amount NUMERIC,
  booking_currency TEXT,
  messages_count INTEGER,
  agent_messages_count INTEGER,
  user_messages_count INTEGER,
  meta JSONB NOT NULL DEFAULT '{}',
  summary TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_sessions_tenant ON public.conversation_sessions_v2(tenant_id);
CREATE INDEX IF NOT EXISTS idx_sessions_started ON public.conversation_sessions_v2(started_at);
CREATE INDEX IF NOT EXISTS idx_sessions_status ON public.conversation_sessions_v2(final_status);

CREATE TABLE IF NOT EXISTS public.recent_history_v2 (
  id BIGSERIAL PRIMARY KEY,
  tenant_id UUID NOT NULL REFERENCES public.tenants_v2(id),
  user_id UUID NOT NULL REFERENCES public.clients_v2(id),
  session_id UUID,
  role TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT 'unknown',
  message TEXT NOT NULL,
  meta JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_history_session ON public.recent_history_v2(session_id);
CREATE INDEX IF NOT EXISTS idx_history_user ON public.recent_history_v2(user_id);

CREATE TABLE IF NOT EXISTS public.wishlist_v2 (
  id BIGSERIAL PRIMARY KEY,
  tenant_id UUID NOT NULL REFERENCES public.tenants_v2(id),
  user_id UUID NOT NULL REFERENCES public.clients_v2(id),
  item_type TEXT NOT NULL,
  item_id TEXT NOT NULL,
  source TEXT,
  comment TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  meta JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  processed_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS idx_wishlist_tenant ON public.wishlist_v2(tenant_id);
CREATE INDEX IF NOT EXISTS idx_wishlist_status ON public.wishlist_v2(status);

CREATE TABLE IF NOT EXISTS public.user_ltm_v2 (
  id BIGSERIAL PRIMARY KEY,
  tenant_id UUID NOT NULL REFERENCES public.tenants_v2(id),
  user_id UUID NOT NULL REFERENCES public.clients_v2(id),
  preferred_staff_id TEXT,
  preferred_service_id TEXT,
  preferred_time TEXT,
  language TEXT,
  allow_notifications BOOLEAN NOT NULL DEFAULT true,
  ltm_data JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, user_id)
);
