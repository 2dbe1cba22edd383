-- Deterministic demo data for the bot's schema: salons, clients with long-term memory, days of
-- Russian-language dialogs with messages and bookings, and a wishlist. Development and benchmarks only: run
-- as the database owner into an EMPTY public schema (build/run.sh and build/bench.sh do this once).
--
--   psql -v salons=3 -v days=90 -v clients_per_salon=700 -v sessions_per_day=22 -v min_turns=2 -v max_turns=6 -f build/sql/demo-data.sql
--
-- Salon 1 weighs (salons - 1) / 2 against 1 for every other salon, so with many salons it holds a third of
-- the dialogs (the benchmark's "one big salon"); with 3 salons they are about equal.
\set ON_ERROR_STOP on
\if :{?salons} \else \set salons 3 \endif
\if :{?days} \else \set days 90 \endif
\if :{?clients_per_salon} \else \set clients_per_salon 700 \endif
\if :{?sessions_per_day} \else \set sessions_per_day 22 \endif
\if :{?min_turns} \else \set min_turns 2 \endif
\if :{?max_turns} \else \set max_turns 6 \endif

BEGIN;
-- One process, one order: the same seed gives the same rows.
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT setseed(0.4242);

CREATE TEMP TABLE demo_services (n int PRIMARY KEY, title text, price numeric) ON COMMIT DROP;
INSERT INTO demo_services VALUES
  (1, 'маникюр', 2500), (2, 'педикюр', 3200), (3, 'стрижка', 2200), (4, 'окрашивание', 6500),
  (5, 'коррекция бровей', 1500), (6, 'наращивание ресниц', 3800), (7, 'массаж', 4000), (8, 'чистка лица', 4500);

CREATE TEMP TABLE demo_staff ON COMMIT DROP AS
SELECT t.no AS tenant_no, k.n, (t.no * 100 + k.n)::text AS id,
       (ARRAY['Анна','Екатерина','Ольга','Марина','Дарья','Светлана','Ирина','Наталья','Юлия','Алина','Ксения','Полина'])[1 + (t.no * 5 + k.n) % 12] AS name
FROM generate_series(1, :salons) AS t(no), LATERAL generate_series(1, 3 + t.no % 3) AS k(n);

INSERT INTO public.tenants_v2 (id, name, slug, is_active, metadata, created_at, updated_at)
SELECT md5('demo-tenant-' || n.no)::uuid, coalesce(t.name, 'Салон красоты №' || n.no), coalesce(t.slug, 'salon-' || n.no), true,
       coalesce(t.metadata, '{"yclients_company_id": "' || (512000 + n.no) || '"}')::jsonb, now() - interval '1 year', now()
FROM generate_series(1, :salons) AS n(no)
LEFT JOIN (VALUES
  (1, 'Салон «Лаванда»', 'lavanda', '{"yclients_company_id": "512001", "admin_chat_id": "-1001000000001", "enable_gap_filtering": true, "current_branch": {"id": "11", "phone": "+7 495 123-45-67", "address": "Москва, ул. Пятницкая, 12"}}'),
  (2, 'Beauty Lab на Тверской', 'beauty-lab', '{"yclients_company_id": "512002", "admin_chat_id": "-1001000000002", "current_branch": {"id": "21", "phone": "+7 495 765-43-21", "address": "Москва, Тверская ул., 18"}}'),
  (3, 'Студия красоты «Мята»', 'myata', '{"yclients_company_id": "512003", "current_branch": {"id": "31", "phone": "+7 812 555-01-02", "address": "Санкт-Петербург, Невский пр., 88"}}')
) AS t(no, name, slug, metadata) ON t.no = n.no;

CREATE TEMP TABLE demo_clients ON COMMIT DROP AS
SELECT t.no AS tenant_no, c.i,
       md5('demo-client-' || t.no || '-' || c.i)::uuid AS id,
       (ARRAY['Анна','Мария','Елена','Ольга','Наталья','Татьяна','Ирина','Светлана','Юлия','Екатерина','Дарья','Алина','Ксения','Полина','Виктория','Александра','Софья','Вероника','Марина','Людмила','Дмитрий','Алексей','Игорь'])[1 + floor(random() * 23)::int]
         || ' ' || (ARRAY['Иванова','Смирнова','Кузнецова','Попова','Васильева','Петрова','Соколова','Михайлова','Новикова','Фёдорова','Морозова','Волкова','Алексеева','Лебедева','Семёнова','Егорова','Павлова','Козлова','Степанова','Николаева'])[1 + floor(random() * 20)::int] AS full_name,
       '+7 9' || lpad((floor(random() * 100))::text, 2, '0') || ' ' || lpad((floor(random() * 1000))::text, 3, '0')
         || '-' || lpad((floor(random() * 100))::text, 2, '0') || '-' || lpad((floor(random() * 100))::text, 2, '0') AS phone,
       CASE WHEN random() < 0.7 THEN 'telegram' ELSE 'whatsapp' END AS channel,
       random() AS r
FROM generate_series(1, :salons) AS t(no), generate_series(1, :clients_per_salon) AS c(i);

CREATE UNIQUE INDEX ON demo_clients (tenant_no, i);
ANALYZE demo_clients;

INSERT INTO public.clients_v2 (id, tenant_id, telegram_chat_id, whatsapp_id, phone, yclients_client_id, full_name, meta, created_at, updated_at)
SELECT id, md5('demo-tenant-' || tenant_no)::uuid,
       CASE WHEN channel = 'telegram' THEN 500000000 + tenant_no * 1000000 + i END,
       CASE WHEN channel = 'whatsapp' THEN '7' || regexp_replace(phone, '\D', '', 'g') END,
       phone, 9000000 + tenant_no * 100000 + i, full_name, '{}'::jsonb,
       now() - make_interval(days => :days + 30) + make_interval(days => floor(r * :days)::int),
       now() - make_interval(days => floor(r * 10)::int)
FROM demo_clients;

-- Sessions: per salon and day a weekday-shaped number of dialogs, spread over the salon's working hours
-- (Moscow time), with outcomes done / dropped / escalated and bookings among the done ones.
CREATE TEMP TABLE demo_sessions ON COMMIT DROP AS
WITH slots AS MATERIALIZED (
  SELECT t.no AS tenant_no, d.day, k.k,
         random() AS r_client, random() AS r_hour, random() AS r_min, random() AS r_status, random() AS r_book,
         random() AS r_stage, random() AS r_sent, random() AS r_svc1, random() AS r_svc2, random() AS r_two,
         random() AS r_staff, random() AS r_len, random() AS r_dur, random() AS r_when
  FROM generate_series(1, :salons) AS t(no),
       generate_series((now() AT TIME ZONE 'Europe/Moscow')::date - (:days - 1), (now() AT TIME ZONE 'Europe/Moscow')::date, interval '1 day') AS d(day),
       LATERAL generate_series(1, greatest(1, round(:sessions_per_day * (CASE WHEN t.no = 1 THEN greatest(1, (:salons - 1) / 2.0) ELSE 0.8 + 0.1 * (t.no % 5) END)
                  * CASE extract(isodow FROM d.day) WHEN 6 THEN 1.3 WHEN 7 THEN 0.7 ELSE 1 END * (0.7 + random() * 0.6))::int)) AS k(k)
)
SELECT s.*,
       md5('demo-session-' || s.tenant_no || '-' || s.day || '-' || s.k)::uuid AS session_uuid,
       (SELECT c.id FROM demo_clients c WHERE c.tenant_no = s.tenant_no AND c.i = 1 + floor(s.r_client * :clients_per_salon)::int) AS client_id,
       (SELECT c.channel FROM demo_clients c WHERE c.tenant_no = s.tenant_no AND c.i = 1 + floor(s.r_client * :clients_per_salon)::int) AS channel,
       ((s.day + make_interval(hours => 9 + floor(s.r_hour * s.r_hour * 13)::int, mins => floor(s.r_min * 60)::int)) AT TIME ZONE 'Europe/Moscow') AS started_at,
       CASE WHEN s.r_status < 0.62 THEN 'done' WHEN s.r_status < 0.9 THEN 'dropped' ELSE 'escalated' END AS status,
       1 + floor(s.r_svc1 * 8)::int AS svc1,
       CASE WHEN s.r_two < 0.25 THEN 1 + floor(s.r_svc2 * 8)::int END AS svc2,
       2 * (:min_turns + floor(s.r_len * (:max_turns - :min_turns + 1))::int) AS messages
FROM slots s;
DELETE FROM demo_sessions WHERE started_at > now();

INSERT INTO public.conversation_sessions_v2 (session_id, tenant_id, user_id, channel, started_at, ended_at, duration_sec,
  final_status, final_intent, final_summary, booking_id, booking_source, booking_status, booking_datetime, booking_amount,
  booking_currency, messages_count, agent_messages_count, user_messages_count, meta, summary, created_at)
SELECT s.session_uuid, md5('demo-tenant-' || s.tenant_no)::uuid, s.client_id, s.channel, s.started_at,
       s.started_at + make_interval(secs => s.messages * 45),
       s.messages * 45,
       s.status,
       CASE s.status WHEN 'done' THEN CASE WHEN booked THEN 'booking' ELSE 'consultation' END
                     WHEN 'dropped' THEN 'booking' ELSE 'complaint' END,
       summary_text,
       CASE WHEN booked THEN 'YC-' || (7000000 + row_number() OVER (ORDER BY s.started_at, s.session_uuid)) END,
       CASE WHEN booked THEN 'bot' END,
       CASE WHEN booked THEN CASE WHEN s.r_when < 0.8 THEN 'confirmed' ELSE 'created' END END,
       CASE WHEN booked THEN date_trunc('hour', s.started_at) + make_interval(days => 1 + floor(s.r_when * 10)::int, hours => floor(s.r_dur * 6)::int) END,
       CASE WHEN booked THEN sv.price END,
       CASE WHEN booked THEN 'RUB' END,
       s.messages, s.messages / 2, s.messages / 2,
       jsonb_strip_nulls(jsonb_build_object(
         'sentiment', CASE WHEN s.status = 'escalated' THEN 'negative' WHEN s.r_sent < 0.55 THEN 'positive' WHEN s.r_sent < 0.85 THEN 'neutral' ELSE 'negative' END,
         'drop_off_stage', CASE WHEN s.status = 'dropped' THEN (ARRAY['service_selection','staff_selection','date_selection','time_selection'])[1 + floor(s.r_stage * 4)::int] END,
         'services_mentioned', to_jsonb(array_remove(ARRAY[sv.title, sv2.title], NULL)),
         'staff_name', CASE WHEN booked THEN st.name END,
         'staff_id', CASE WHEN booked THEN st.id END,
         'analyzed_at', to_char(s.started_at + interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
       summary_text,
       s.started_at + make_interval(secs => s.messages * 45 + 5)
FROM demo_sessions s
JOIN demo_services sv ON sv.n = s.svc1
LEFT JOIN demo_services sv2 ON sv2.n = s.svc2 AND s.svc2 <> s.svc1
JOIN LATERAL (SELECT * FROM demo_staff x WHERE x.tenant_no = s.tenant_no ORDER BY x.n
              OFFSET floor(s.r_staff * (SELECT count(*) FROM demo_staff y WHERE y.tenant_no = s.tenant_no))::int LIMIT 1) st ON true
CROSS JOIN LATERAL (SELECT s.status = 'done' AND s.r_book < 0.5 AS booked) b
CROSS JOIN LATERAL (SELECT CASE
    WHEN b.booked THEN 'Клиент записан: ' || sv.title || ' к мастеру ' || st.name || '.'
    WHEN s.status = 'done' THEN 'Консультация: ' || sv.title || ', цены и свободное время. Запись не оформлена.'
    WHEN s.status = 'dropped' THEN 'Клиент интересовался услугой «' || sv.title || '» и перестал отвечать.'
    ELSE 'Клиент недоволен и просит связаться с администратором (' || sv.title || ').' END AS summary_text) txt;

-- Messages: user and assistant in turns; the assistant answers within a few seconds.
INSERT INTO public.recent_history_v2 (tenant_id, user_id, session_id, role, channel, message, meta, created_at)
SELECT cs.tenant_id, cs.user_id, cs.session_id,
       CASE WHEN m.i % 2 = 1 THEN 'user' ELSE 'assistant' END,
       cs.channel,
       CASE WHEN m.i % 2 = 1 THEN
         CASE WHEN m.i = 1 THEN (ARRAY['Здравствуйте! Хочу записаться на ','Добрый день, сколько стоит ','Привет! Есть свободное время на ','Подскажите, пожалуйста, про '])[1 + floor(random() * 4)::int]
                                 || (cs.meta->'services_mentioned'->>0) || '?'
              ELSE (ARRAY['А на завтра есть окошко?','Лучше вечером, после 18:00.','А к какому мастеру можно?','Сколько это займёт по времени?',
                          'Давайте на субботу.','Хорошо, подходит.','А можно оплатить картой?','Спасибо!','Мне нужно подумать.',
                          'Это слишком дорого.','Позовите администратора, пожалуйста.','А есть скидка для постоянных клиентов?'])[1 + floor(random() * 12)::int]
         END
       ELSE
         (ARRAY['Здравствуйте! С радостью помогу 😊','Стоимость от ' || coalesce(cs.booking_amount::text, '2500') || ' ₽. Подобрать удобное время?',
                'Есть свободные окна завтра в 11:00, 15:30 и 18:45.','Мастер Анна свободна в субботу с 12:00.','Процедура занимает около полутора часов.',
                'Да, оплата картой и наличными.','Записала вас! Напомню накануне.','Передаю ваш вопрос администратору, с вами свяжутся.',
                'Для постоянных клиентов действует скидка 10 %.','Хорошо, буду ждать вашего решения.'])[1 + floor(random() * 10)::int]
       END,
       '{}'::jsonb,
       cs.started_at + make_interval(secs => ((m.i - 1) / 2) * 50 + CASE WHEN m.i % 2 = 0 THEN 2 + random() * 7 ELSE 0 END)
FROM public.conversation_sessions_v2 cs
CROSS JOIN LATERAL generate_series(1, cs.messages_count) AS m(i)
ORDER BY cs.id, m.i;

-- Long-term memory for most clients, from their booked dialogs.
INSERT INTO public.user_ltm_v2 (tenant_id, user_id, preferred_staff_id, preferred_service_id, preferred_time, language,
  allow_notifications, ltm_data, created_at, updated_at)
WITH per_staff AS (
  SELECT user_id, meta->>'staff_id' AS staff, count(*) AS n
  FROM public.conversation_sessions_v2
  WHERE booking_id IS NOT NULL AND meta->>'staff_id' IS NOT NULL
  GROUP BY 1, 2
), stats AS (
  SELECT user_id, jsonb_object_agg('staff_' || staff, n) AS booking_stats FROM per_staff GROUP BY user_id
)
SELECT cs.tenant_id, cs.user_id,
       mode() WITHIN GROUP (ORDER BY cs.meta->>'staff_id'),
       mode() WITHIN GROUP (ORDER BY cs.meta->'services_mentioned'->>0),
       (ARRAY['morning','afternoon','evening'])[1 + (abs(hashtext(cs.user_id::text)) % 3)],
       'ru', true,
       jsonb_build_object(
         'booking_stats', coalesce(st.booking_stats, '{}'::jsonb),
         'last_visit_date', to_char(max(cs.booking_datetime) FILTER (WHERE cs.booking_datetime < now()), 'YYYY-MM-DD'),
         'avg_visit_interval', 14 + abs(hashtext(cs.user_id::text)) % 30),
       min(cs.started_at), max(cs.started_at)
FROM public.conversation_sessions_v2 cs
LEFT JOIN stats st ON st.user_id = cs.user_id
GROUP BY cs.tenant_id, cs.user_id, st.booking_stats
HAVING count(*) FILTER (WHERE cs.booking_id IS NOT NULL) > 0;

-- Wishlist: clients waiting for a slot or a service.
INSERT INTO public.wishlist_v2 (tenant_id, user_id, item_type, item_id, source, comment, status, meta, created_at, updated_at, processed_at)
SELECT md5('demo-tenant-' || c.tenant_no)::uuid, c.id,
       CASE WHEN w.r1 < 0.6 THEN 'slot' ELSE 'service' END,
       CASE WHEN w.r1 < 0.6 THEN 'slot-' || (1000 + c.i) ELSE 'svc-' || sv.n END,
       (ARRAY['bot','telegram','whatsapp'])[1 + floor(w.r2 * 3)::int],
       (ARRAY[NULL, 'Если освободится время — сразу напишите', 'Только к своему мастеру', 'Можно в выходные', NULL])[1 + floor(w.r3 * 5)::int],
       CASE WHEN w.r4 < 0.55 THEN 'pending' WHEN w.r4 < 0.75 THEN 'converted' WHEN w.r4 < 0.9 THEN 'cancelled' ELSE 'expired' END,
       jsonb_strip_nulls(jsonb_build_object('service_title', initcap(sv.title), 'staff_name', st.name, 'staff_id', st.id,
         'preferred_date', to_char(now() + make_interval(days => floor(w.r2 * 14)::int), 'YYYY-MM-DD'),
         'time_preference', (ARRAY['morning','afternoon','evening'])[1 + floor(w.r3 * 3)::int])),
       now() - make_interval(days => floor(w.r5 * 30)::int, hours => floor(w.r1 * 24)::int),
       now() - make_interval(days => floor(w.r5 * 10)::int),
       CASE WHEN w.r4 >= 0.55 THEN now() - make_interval(days => floor(w.r5 * 10)::int) END
FROM demo_clients c
-- c.i inside the lateral makes it run per client (an uncorrelated one would be evaluated once).
CROSS JOIN LATERAL (SELECT random() + 0 * c.i AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6) w
JOIN demo_services sv ON sv.n = 1 + floor(c.r * 8)::int
JOIN demo_staff st ON st.tenant_no = c.tenant_no AND st.n = 1
WHERE w.r6 < 0.08;

COMMIT;

SELECT (SELECT count(*) FROM public.tenants_v2) AS salons, (SELECT count(*) FROM public.clients_v2) AS clients,
       (SELECT count(*) FROM public.conversation_sessions_v2) AS sessions, (SELECT count(*) FROM public.recent_history_v2) AS messages,
       (SELECT count(*) FROM public.wishlist_v2) AS wishlist, (SELECT count(*) FROM public.user_ltm_v2) AS memories;
ANALYZE;
