-- Demo only (build/run.sh, after the dashboard's migrations and the demo users): the escalations a salon's staff already
-- dealt with. The escalations sync takes only the last 7 days (Dashboard:EscalationLookbackDays) as open cases; the
-- escalated dialogs 8 to 60 days old become closed cases here, each closed by the salon's admin (else the platform's
-- owner) 20 minutes to 4 hours after the client asked, with a note of what was done. Run as the owner (no row policy
-- applies to it). Safe to run again: a dialog that is already a case's is left alone.
\set ON_ERROR_STOP on
\if :{?now} \else \set now '' \endif

WITH demo AS (SELECT coalesce(nullif(:'now', '')::timestamptz, now()) AS now),
old AS (
  SELECT s.id, s.tenant_id, s.user_id, s.started_at, s.summary,
         row_number() OVER (PARTITION BY s.tenant_id ORDER BY s.started_at DESC) AS n,
         abs(hashtext(s.id::text)) AS h
  FROM public.conversation_sessions_v2 s, demo
  WHERE s.final_status = 'escalated' AND s.user_id IS NOT NULL
    AND s.started_at < demo.now - interval '8 days' AND s.started_at >= demo.now - interval '60 days'
)
INSERT INTO dashboard.conversations (tenant_id, client_id, session_id, status, escalated, escalated_at, escalation_reason,
  waiting_since, reopen_count, closed_at, closure_reason, closed_by, last_message_at, created_at, updated_at)
SELECT o.tenant_id, o.user_id::text, o.id, 'resolved', true, o.started_at, left(o.summary, 1000), o.started_at, 0,
       o.started_at + make_interval(mins => 20 + o.h % 220),
       (ARRAY['Перезвонили, записали к мастеру на удобное время.',
              'Объяснили цены на услугу, клиент записался сам.',
              'Перенесли запись на другой день по просьбе клиента.',
              'Извинились за ожидание, дали скидку 10 % на следующий визит.',
              'Клиент не ответил на звонок, написали в мессенджер.'])[1 + o.h % 5],
       coalesce((SELECT u.id FROM dashboard.users u WHERE u.tenant_id = o.tenant_id AND u.role = 'admin' ORDER BY u.id LIMIT 1),
                (SELECT u.id FROM dashboard.users u WHERE u.role = 'super_admin' ORDER BY u.id LIMIT 1)),
       o.started_at, o.started_at, o.started_at + make_interval(mins => 20 + o.h % 220)
FROM old o
WHERE o.n <= 12 AND NOT EXISTS (SELECT 1 FROM dashboard.conversations c WHERE c.session_id = o.id);
