-- Deterministic demo data for the bot's schema: salons, clients with long-term memory, days of Russian-language
-- dialogs with messages and bookings, and a wishlist. Development and benchmarks only: run as the database owner
-- into an EMPTY public schema (build/run.sh and build/bench.sh do this once).
--
--   psql -v salons=5 -v days=180 -v clients_per_salon=700 -v sessions_per_day=22 -v min_turns=2 -v max_turns=6 -f build/sql/demo-data.sql
--
-- Every variable is optional (those are the defaults); -v now='2026-11-23 09:00+00' puts "now" elsewhere (tests).
--
-- The stories hold together (tests/Integration.Tests/DemoDataTests.cs checks them):
--   - each salon has one catalogue, services with its own prices and masters by speciality; dialogs, bookings, the
--     bot's memory and the wishlist all name services and masters from it (a client mostly returns to one master);
--   - a client exists before their first dialog: 40 % were clients before the history starts, the rest join evenly
--     over it, each when they first write; first names repeat like a real salon's list (one
--     client in eight is an Анна, the most common name);
--   - a dialog ends by its outcome: a booking is confirmed with its master, day and time; a consultation ends
--     politely; a dropped dialog ends with the bot's unanswered question at the stage it was dropped at; an escalated
--     one ends with the bot handing over to the administrator and never books;
--   - pace, response times and durations vary from dialog to dialog; volume grows and conversion improves a little over
--     the period (so "vs previous period" has something to say); salon 2 had a bad day 12 days ago (many escalations);
--   - memory comes from each client's bookings (favourite master and service, last visit, usual interval), the
--     wishlist from dialogs dropped for want of a slot.
--
-- Salon 1 weighs (salons - 1) / 2 against 1 for every other salon, so with many salons it holds a third of the dialogs
-- (the benchmark's "one big salon"); with the default 5 it holds a third too. Five salons with dialogs are what a salon needs to
-- see its place among the platform's salons (the Overview's percentiles), so build/run.sh shows them. Set-based throughout (no per-row loops):
-- build/bench.sh generates millions of dialogs with it.
\set ON_ERROR_STOP on
\if :{?salons} \else \set salons 5 \endif
\if :{?days} \else \set days 180 \endif
\if :{?clients_per_salon} \else \set clients_per_salon 700 \endif
\if :{?sessions_per_day} \else \set sessions_per_day 22 \endif
\if :{?min_turns} \else \set min_turns 2 \endif
\if :{?max_turns} \else \set max_turns 6 \endif
\if :{?now} \else \set now '' \endif

BEGIN;
SET LOCAL client_min_messages = warning;
-- One process, one order: the same seed gives the same rows.
SET LOCAL max_parallel_workers_per_gather = 0;
-- As a superuser (build/run.sh, build/bench.sh and the tests run it so) the foreign keys are not checked row by row: the
-- rows are consistent by construction (DemoDataTests check it). Any other owner gets them checked.
SELECT rolsuper AS demo_superuser FROM pg_roles WHERE rolname = current_user \gset
\if :demo_superuser
SET LOCAL session_replication_role = replica;
\endif
SELECT setseed(0.4242) \gset

-- "now", the salons' today (Moscow) and how many clients were there before the history starts.
SELECT coalesce(nullif(:'now', '')::timestamptz, now()) AS demo_now,
       (coalesce(nullif(:'now', '')::timestamptz, now()) AT TIME ZONE 'Europe/Moscow')::date AS demo_today,
       floor(0.4 * :clients_per_salon)::int AS demo_n0 \gset

-- The catalogue: every salon offers these, at its own prices. acc: the title as "записаться на …" takes it.
CREATE TEMP TABLE demo_services (n int PRIMARY KEY, title text, acc text, category int, price numeric, minutes int, interval_days int) ON COMMIT DROP;
INSERT INTO demo_services VALUES
  (1, 'Маникюр', 'маникюр', 1, 2500, 90, 21), (2, 'Педикюр', 'педикюр', 1, 3200, 90, 30),
  (3, 'Стрижка', 'стрижку', 2, 2200, 60, 35), (4, 'Окрашивание', 'окрашивание', 2, 6500, 180, 49),
  (5, 'Коррекция бровей', 'коррекцию бровей', 3, 1500, 45, 28), (6, 'Наращивание ресниц', 'наращивание ресниц', 3, 3800, 120, 21),
  (7, 'Массаж', 'массаж', 4, 4000, 60, 14), (8, 'Чистка лица', 'чистку лица', 4, 4500, 90, 30);

CREATE TEMP TABLE demo_catalogue ON COMMIT DROP AS
SELECT t.no AS tenant_no, s.n, s.title, s.acc, s.category, s.minutes, s.interval_days,
       p.price, CASE WHEN p.price >= 1000 THEN floor(p.price / 1000) || ' ' || lpad((p.price % 1000)::int::text, 3, '0') ELSE p.price::text END AS price_text
FROM generate_series(1, :salons) AS t(no), demo_services s,
     LATERAL (SELECT round(s.price * (0.85 + 0.1 * ((t.no * 3 + s.n) % 4)) / 100) * 100 AS price) p; -- price_text: "2 300" with a no-break space, as ₽ follows
CREATE UNIQUE INDEX ON demo_catalogue (tenant_no, n);

-- Masters: per salon one or two per speciality (nails: two), names unique within the salon (not across salons).
CREATE TEMP TABLE demo_staff ON COMMIT DROP AS
WITH slots AS (
  SELECT t.no AS tenant_no, c.category, k.k
  FROM generate_series(1, :salons) AS t(no), generate_series(1, 4) AS c(category),
       LATERAL generate_series(1, CASE c.category WHEN 1 THEN 2 ELSE 1 + (t.no + c.category) % 2 END) AS k(k)
), numbered AS (
  SELECT *, row_number() OVER (PARTITION BY tenant_no ORDER BY category, k)::int AS seq FROM slots
)
SELECT tenant_no, category, k,
       (tenant_no * 100 + seq)::text AS id,
       (ARRAY['Ирина','Екатерина','Ольга','Марина','Дарья','Светлана','Наталья','Юлия','Алина','Ксения','Полина','Валерия',
              'Кристина','Евгения','Татьяна','Елена'])[1 + (tenant_no * 5 + seq) % 16] AS name
FROM numbered;
CREATE UNIQUE INDEX ON demo_staff (tenant_no, category, k);

CREATE TEMP TABLE demo_masters ON COMMIT DROP AS -- "Ирина и Ольга": who does a speciality, as the bot says it
SELECT tenant_no, category, count(*)::int AS of_category, string_agg(name, ' и ' ORDER BY k) AS names FROM demo_staff GROUP BY 1, 2;

INSERT INTO public.tenants_v2 (id, name, slug, is_active, metadata, created_at, updated_at)
SELECT md5('demo-tenant-' || n.no)::uuid, coalesce(t.name, 'Салон красоты №' || n.no), coalesce(t.slug, 'salon-' || n.no), true,
       coalesce(t.metadata, '{"yclients_company_id": "' || (512000 + n.no) || '"}')::jsonb,
       :'demo_now'::timestamptz - make_interval(days => :days + 420), :'demo_now'::timestamptz - interval '3 days'
FROM generate_series(1, :salons) AS n(no)
LEFT JOIN (VALUES
  (1, 'Салон «Лаванда»', 'lavanda', '{"yclients_company_id": "512001", "admin_chat_id": "-1001000000001", "enable_gap_filtering": true, "current_branch": {"id": "11", "phone": "+7 495 123-45-67", "address": "Москва, ул. Пятницкая, 12"}}'),
  (2, 'Beauty Lab на Тверской', 'beauty-lab', '{"yclients_company_id": "512002", "admin_chat_id": "-1001000000002", "current_branch": {"id": "21", "phone": "+7 495 765-43-21", "address": "Москва, Тверская ул., 18"}}'),
  (3, 'Студия красоты «Мята»', 'myata', '{"yclients_company_id": "512003", "current_branch": {"id": "31", "phone": "+7 812 555-01-02", "address": "Санкт-Петербург, Невский пр., 88"}}'),
  (4, 'Салон «Жасмин»', 'jasmin', '{"yclients_company_id": "512004", "closing_time_override": "20:00", "current_branch": {"id": "41", "phone": "+7 843 200-30-40", "address": "Казань, ул. Баумана, 7"}}'),
  (5, 'Nail Bar «Карамель»', 'karamel', '{"yclients_company_id": "512005", "current_branch": {"id": "51", "phone": "+7 343 311-22-33", "address": "Екатеринбург, ул. Вайнера, 9"}}')
) AS t(no, name, slug, metadata) ON t.no = n.no;

-- Clients: i <= n0 were clients before the history starts; the others join evenly over it (client i may write from
-- day floor((i - n0 - 1) * days / (N - n0)) on, see the dialogs). One in eight is an Анна; the other names thin out like
-- a real list.
CREATE TEMP TABLE demo_clients ON COMMIT DROP AS
WITH c AS (
  SELECT t.no AS tenant_no, c.i, random() AS r_first, random() AS r_male, random() AS r_last, random() AS r_channel,
         random() AS r_join, random() AS r_hour, random() AS r_svc, random() AS r_k
  FROM generate_series(1, :salons) AS t(no), generate_series(1, :clients_per_salon) AS c(i)
)
SELECT tenant_no, i, md5('demo-client-' || tenant_no || '-' || i)::uuid AS id, first_name,
       first_name || ' ' || CASE WHEN male THEN left(last_name, -1) ELSE last_name END AS full_name,
       '+7 9' || substr(p, 1, 2) || ' ' || substr(p, 3, 3) || '-' || substr(p, 6, 2) || '-' || substr(p, 8, 2) AS phone,
       CASE WHEN r_channel < 0.7 THEN 'telegram' ELSE 'whatsapp' END AS channel,
       :'demo_now'::timestamptz - make_interval(days => :days + 1 + floor(r_join * 400)::int, hours => floor(r_hour * 10)::int) AS imported_at,
       1 + floor(r_svc * 8)::int AS fav_service, r_k
FROM c
CROSS JOIN LATERAL (SELECT r_male < 0.08 AND i % 8 <> 1 AS male,
                           lpad(((i::bigint * 982451653 + tenant_no::bigint * 37000001 + 123456789) % 1000000000)::text, 9, '0') AS p) g
CROSS JOIN LATERAL (SELECT
  CASE WHEN i % 8 = 1 THEN 'Анна'
       WHEN male THEN (ARRAY['Дмитрий','Алексей','Игорь','Сергей','Максим','Артём','Павел','Андрей'])[1 + floor(r_first * 8)::int]
       ELSE (ARRAY['Мария','Елена','Ольга','Наталья','Татьяна','Ирина','Екатерина','Светлана','Юлия','Дарья','Алина','Ксения',
                   'Полина','Виктория','Александра','Софья','Анастасия','Марина','Вероника','Людмила','Валерия','Кристина',
                   'Евгения','Галина','Оксана'])[1 + floor(25 * r_first ^ 1.3)::int] END AS first_name,
  (ARRAY['Иванова','Смирнова','Кузнецова','Попова','Васильева','Петрова','Соколова','Михайлова','Новикова','Фёдорова',
         'Морозова','Волкова','Алексеева','Лебедева','Семёнова','Егорова','Павлова','Козлова','Степанова','Николаева',
         'Орлова','Андреева','Макарова','Никитина','Захарова','Зайцева','Соловьёва','Борисова','Яковлева','Григорьева'])[1 + floor(r_last * 30)::int] AS last_name) n;
CREATE UNIQUE INDEX ON demo_clients (tenant_no, i);
ANALYZE demo_clients;

-- Dialogs: per salon and day a weekday-shaped, slowly growing number, at the hours clients write (Moscow time, some
-- at night: the bot answers around the clock), each with a client who had joined by then.
CREATE TEMP TABLE demo_dialogs ON COMMIT DROP AS
WITH hours AS MATERIALIZED ( -- cumulative shares of the 24 hours, for width_bucket
  SELECT array_agg(edge ORDER BY h)::float8[] AS edges
  FROM (SELECT h, coalesce(sum(w) OVER (ORDER BY h ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER () AS edge
        FROM unnest(ARRAY[2.5, 1.5, 0.9, 0.5, 0.4, 0.5, 1, 3, 6, 9, 10, 10, 11, 10, 9, 8, 8, 9, 10, 11, 10, 8, 6, 4]::numeric[]) WITH ORDINALITY AS x(w, h)) e
), slots AS MATERIALIZED (
  SELECT t.no AS tenant_no, d.dn, :'demo_today'::date - (:days - 1) + d.dn AS day, k.k,
         random() AS r_client, random() AS r_new, random() AS r_hour, random() AS r_min, random() AS r_status, random() AS r_book,
         random() AS r_stage, random() AS r_sent, random() AS r_svc1, random() AS r_svc2, random() AS r_two, random() AS r_staff,
         random() AS r_len, random() AS r_pace, random() AS r_when, random() AS r_at, random() AS r_last_u, random() AS r_last_d,
         random() AS r_text, random() AS r_confirm
  FROM generate_series(1, :salons) AS t(no), generate_series(0, :days - 1) AS d(dn),
       LATERAL generate_series(1, greatest(1, round(:sessions_per_day * (CASE WHEN t.no = 1 THEN greatest(1, (:salons - 1) / 2.0) ELSE 0.8 + 0.1 * (t.no % 5) END)
                  * CASE extract(isodow FROM :'demo_today'::date - (:days - 1) + d.dn) WHEN 6 THEN 1.3 WHEN 7 THEN 0.7 ELSE 1 END
                  * (0.85 + 0.3 * d.dn / :days) * (0.7 + random() * 0.6))::int)) AS k(k)
), picked AS (
  -- Clients joined by the end of day dn: n0 + ceil((dn + 1) (N - n0) / days); one dialog in ten comes from the last
  -- two weeks' newcomers.
  SELECT s.*, CASE WHEN s.r_new < 0.1 AND j.joined_now > j.joined_before THEN j.joined_before + 1 + floor(s.r_client * (j.joined_now - j.joined_before))::int
                   ELSE 1 + floor(s.r_client * j.joined_now)::int END AS client_i
  FROM slots s
  CROSS JOIN LATERAL (SELECT
    :demo_n0 + least(:clients_per_salon - :demo_n0, ceil((s.dn + 1) * (:clients_per_salon - :demo_n0)::numeric / :days))::int AS joined_now,
    :demo_n0 + least(:clients_per_salon - :demo_n0, greatest(0, ceil((s.dn - 13) * (:clients_per_salon - :demo_n0)::numeric / :days)))::int AS joined_before) j
), shaped AS MATERIALIZED ( -- materialized: what follows joins on its columns (hash joins, not nested loops over expressions)
  SELECT p.*, c.id AS client_id, c.channel, c.first_name, c.fav_service, c.r_k,
         ((p.day + make_interval(hours => width_bucket(p.r_hour, (SELECT edges FROM hours)) - 1, secs => floor(p.r_min * 3600)::int)) AT TIME ZONE 'Europe/Moscow') AS started_at,
         ss.status,
         -- Mostly the client's usual service and master; now and then something else.
         CASE WHEN p.r_svc1 < 0.7 THEN c.fav_service ELSE 1 + floor((p.r_svc1 - 0.7) / 0.3 * 8)::int END AS svc1,
         CASE WHEN p.r_two < 0.2 THEN 1 + floor(p.r_svc2 * 8)::int END AS svc2,
         -- A dropped dialog got as far as its stage: the bot's last, unanswered question is that stage's.
         CASE WHEN st.stage IS NULL THEN :min_turns + floor(p.r_len * (:max_turns - :min_turns + 1))::int
              ELSE greatest(:min_turns, least(:max_turns, 1 + floor(p.r_stage * 4)::int)) END AS turns, st.stage,
         25 + 200 * p.r_pace ^ 2 AS pace, -- seconds per exchange: some clients type fast, some come back minutes later
         CASE WHEN p.r_staff < 0.8 THEN c.r_k ELSE (p.r_staff - 0.8) / 0.2 END AS staff_pick -- mostly the client's usual master
  FROM picked p
  CROSS JOIN LATERAL (SELECT CASE WHEN p.tenant_no = 2 AND p.dn = :days - 13 AND p.r_status < 0.55 THEN 'escalated' -- salon 2's bad day
                                  WHEN p.r_status < 0.63 THEN 'done' WHEN p.r_status < 0.94 THEN 'dropped' ELSE 'escalated' END AS status) ss
  CROSS JOIN LATERAL (SELECT CASE WHEN ss.status = 'dropped' THEN (ARRAY['service_selection','staff_selection','date_selection','time_selection'])[1 + floor(p.r_stage * 4)::int] END AS stage) st
  JOIN demo_clients c ON c.tenant_no = p.tenant_no AND c.i = p.client_i
  WHERE ((p.day + make_interval(hours => width_bucket(p.r_hour, (SELECT edges FROM hours)) - 1, secs => floor(p.r_min * 3600)::int)) AT TIME ZONE 'Europe/Moscow')
        <= :'demo_now'::timestamptz
), sessions AS (
SELECT s.tenant_no, s.dn, s.day, s.k, s.r_book, s.r_stage, s.r_sent, s.r_when, s.r_at, s.r_last_u, s.r_last_d, s.r_text, s.r_confirm,
       md5('demo-session-' || s.tenant_no || '-' || s.day || '-' || s.k)::uuid AS session_uuid, md5('demo-tenant-' || s.tenant_no)::uuid AS tenant_id,
       s.client_id, s.channel, s.first_name, s.started_at, s.status, s.stage, s.turns, s.pace,
       s.status = 'done' AND s.r_book < 0.50 + 0.14 * s.dn / :days AS booked,
       cat.title, cat.acc, cat.price, cat.price_text, cat.minutes, cat.n AS svc, cat2.title AS title2, st.id AS staff_id, st.name AS staff_name, ms.names AS masters,
       CASE WHEN ms.of_category = 1 THEN ' делает ' ELSE ' делают ' END AS do_verb
FROM shaped s
JOIN demo_catalogue cat ON cat.tenant_no = s.tenant_no AND cat.n = s.svc1
LEFT JOIN demo_catalogue cat2 ON cat2.tenant_no = s.tenant_no AND cat2.n = s.svc2 AND s.svc2 <> s.svc1
JOIN demo_masters ms ON ms.tenant_no = s.tenant_no AND ms.category = cat.category
JOIN demo_staff st ON st.tenant_no = s.tenant_no AND st.category = cat.category AND st.k = 1 + floor(s.staff_pick * ms.of_category)::int
)
-- What follows from each dialog: when its last message falls (the last exchange's randoms live on the dialog, so
-- the messages below and ended_at agree), the booking's day and time, and the slots the bot offers.
SELECT s.*,
       -- The client's first dialog in the history: nobody asks for "last time's master" in it.
       s.started_at = min(s.started_at) OVER (PARTITION BY s.client_id) AS first_dialog,
       -- Why an escalated dialog went to a person: 0 nothing fits, 1 a complaint, 2 the price, 3 a change the bot cannot make.
       floor(s.r_text * 4)::int AS reason,
       s.started_at + make_interval(secs => (s.turns - 1) * s.pace + CASE WHEN s.turns > 1 THEN s.r_last_u * s.pace * 0.3 ELSE 0 END
                                            + least(s.pace * 0.5, 1.5 + 5 * s.r_last_d ^ 2 + CASE WHEN s.r_last_d > 0.92 THEN 25 * s.r_text ELSE 0 END) + 1 + s.r_at) AS ended_at,
       CASE WHEN s.booked THEN (s.offer_day + make_interval(mins => 600 + 30 * s.offer_slot)) AT TIME ZONE 'Europe/Moscow' END AS booking_at,
       CASE WHEN s.offer_slot < 8 THEN to_char(make_interval(mins => 600 + 30 * s.offer_slot), 'HH24:MI') || ' и 17:30'
            ELSE '11:00 и ' || to_char(make_interval(mins => 600 + 30 * s.offer_slot), 'HH24:MI') END AS offer_times
FROM (
  SELECT s.*, (s.started_at AT TIME ZONE 'Europe/Moscow')::date + 1 + floor(s.r_when * 9)::int AS offer_day, floor(s.r_at * 19)::int AS offer_slot
  FROM sessions s
) s;

-- A client exists before their first dialog: a newcomer's record is made when they first write; the salon's earlier
-- clients (and a newcomer who has not written yet) came with its client base before the history starts.
INSERT INTO public.clients_v2 (id, tenant_id, telegram_chat_id, whatsapp_id, phone, yclients_client_id, full_name, meta, created_at, updated_at)
SELECT c.id, md5('demo-tenant-' || c.tenant_no)::uuid,
       CASE WHEN c.channel = 'telegram' THEN 500000000 + c.tenant_no * 1000000 + c.i END,
       CASE WHEN c.channel = 'whatsapp' THEN '7' || regexp_replace(c.phone, '\D', '', 'g') END,
       c.phone, 9000000 + c.tenant_no * 100000 + c.i, c.full_name, '{}'::jsonb,
       x.created_at, coalesce(f.last_at, x.created_at)
FROM demo_clients c
LEFT JOIN (SELECT client_id, min(started_at) AS first_at, max(ended_at) AS last_at FROM demo_dialogs GROUP BY client_id) f ON f.client_id = c.id
CROSS JOIN LATERAL (SELECT CASE WHEN c.i > :demo_n0 AND f.first_at IS NOT NULL THEN f.first_at - make_interval(secs => 3 + abs(hashtext(c.id::text)) % 50)
                                ELSE least(c.imported_at, f.first_at) END AS created_at) x
ORDER BY c.tenant_no, c.i;

INSERT INTO public.conversation_sessions_v2 (session_id, tenant_id, user_id, channel, started_at, ended_at, duration_sec,
  final_status, final_intent, final_summary, booking_id, booking_source, booking_status, booking_datetime, booking_amount,
  booking_currency, messages_count, agent_messages_count, user_messages_count, meta, summary, created_at)
SELECT s.session_uuid, s.tenant_id, s.client_id, s.channel, s.started_at, s.ended_at,
       round(extract(epoch FROM s.ended_at - s.started_at))::int,
       s.status,
       CASE s.status WHEN 'done' THEN CASE WHEN s.booked THEN 'booking' ELSE 'consultation' END
                     WHEN 'dropped' THEN 'booking'
                     ELSE (ARRAY['other', 'complaint', 'price_inquiry', 'reschedule'])[1 + s.reason] END,
       summary_text,
       CASE WHEN s.booked THEN 'YC-' || (7000000 + row_number() OVER (ORDER BY s.started_at, s.session_uuid)) END,
       CASE WHEN s.booked THEN 'bot' END,
       CASE WHEN s.booked THEN CASE WHEN s.booking_at < :'demo_now'::timestamptz OR s.r_confirm < 0.7 THEN 'confirmed' ELSE 'created' END END,
       s.booking_at,
       CASE WHEN s.booked THEN s.price END,
       CASE WHEN s.booked THEN 'RUB' END,
       2 * s.turns, s.turns, s.turns,
       jsonb_strip_nulls(jsonb_build_object(
         'sentiment', CASE WHEN s.status = 'escalated' THEN 'negative'
                           WHEN s.booked THEN CASE WHEN s.r_sent < 0.8 THEN 'positive' ELSE 'neutral' END
                           WHEN s.status = 'done' THEN CASE WHEN s.r_sent < 0.45 THEN 'positive' WHEN s.r_sent < 0.9 THEN 'neutral' ELSE 'negative' END
                           ELSE CASE WHEN s.r_sent < 0.15 THEN 'positive' WHEN s.r_sent < 0.7 THEN 'neutral' ELSE 'negative' END END,
         'drop_off_stage', s.stage,
         'services_mentioned', to_jsonb(array_remove(ARRAY[s.title, s.title2], NULL)),
         'staff_name', CASE WHEN s.booked THEN s.staff_name END,
         'staff_id', CASE WHEN s.booked THEN s.staff_id END,
         'analyzed_at', to_char(s.ended_at AT TIME ZONE 'UTC' + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
       summary_text,
       s.ended_at + interval '5 seconds'
FROM demo_dialogs s
CROSS JOIN LATERAL (SELECT CASE
    WHEN s.booked THEN 'Клиент записан: ' || s.title || ', мастер ' || s.staff_name || ', '
                       || to_char(s.booking_at AT TIME ZONE 'Europe/Moscow', 'DD.MM в HH24:MI') || '.'
    WHEN s.status = 'done' THEN 'Консультация: ' || s.title || ', цены и свободное время. Клиент решит позже.'
    WHEN s.status = 'dropped' THEN 'Клиент выбирал ' || s.acc || ' и перестал отвечать ('
                       || CASE s.stage WHEN 'service_selection' THEN 'на выборе услуги' WHEN 'staff_selection' THEN 'на выборе мастера'
                                       WHEN 'date_selection' THEN 'на выборе дня' ELSE 'на выборе времени' END || ').'
    ELSE (ARRAY['Клиенту не подошли предложенные окна (' || s.title || '), просит администратора. Передано администратору.',
                'Жалоба: в прошлый раз мастер опоздала на полчаса (' || s.title || '). Передано администратору.',
                'Клиент считает ' || s.acc || ' слишком дорогой услугой и хочет поговорить с человеком. Передано администратору.',
                'Клиент просит перенести запись (' || s.title || '). Передано администратору.'])[1 + s.reason] END AS summary_text) txt
ORDER BY s.started_at, s.session_uuid;

-- Messages: the client and the bot in turns. Exchange t: the client writes at (t - 1) pace plus a little, the bot
-- answers seconds later (now and then half a minute). The last exchange says how the dialog ended.
INSERT INTO public.recent_history_v2 (tenant_id, user_id, session_id, role, channel, message, meta, created_at)
SELECT s.tenant_id, s.client_id, s.session_uuid, m.role, s.channel, m.message, '{}'::jsonb, m.at
FROM demo_dialogs s
CROSS JOIN LATERAL (
  SELECT t.t, t.t = s.turns AS last,
         s.started_at + make_interval(secs => (t.t - 1) * s.pace + CASE WHEN t.t = 1 THEN 0 WHEN t.t = s.turns THEN s.r_last_u * s.pace * 0.3 ELSE random() * s.pace * 0.3 END) AS user_at,
         CASE WHEN t.t = s.turns THEN least(s.pace * 0.5, 1.5 + 5 * s.r_last_d ^ 2 + CASE WHEN s.r_last_d > 0.92 THEN 25 * s.r_text ELSE 0 END)
              ELSE least(s.pace * 0.5, 1.5 + 5 * random() ^ 2 + CASE WHEN random() > 0.92 THEN 25 * random() ELSE 0 END) END AS reply_after,
         random() AS r
  FROM generate_series(1, s.turns) AS t(t)
) x
CROSS JOIN LATERAL (VALUES
  ('user', x.user_at,
   CASE WHEN x.t = 1 THEN
          CASE floor(x.r * 4)::int WHEN 0 THEN 'Здравствуйте! Хочу записаться на ' || s.acc || '.' WHEN 1 THEN 'Добрый день! Сколько у вас стоит ' || lower(s.title) || '?' WHEN 2 THEN 'Привет! Есть свободное время на ' || s.acc || '?' ELSE 'Здравствуйте, подскажите, пожалуйста, про ' || s.acc || '.' END
          || CASE WHEN x.last AND s.status = 'escalated' THEN (ARRAY[' Но мне ничего не подходит, позовите администратора.',
                  ' И ещё: в прошлый раз мастер опоздала на полчаса, соедините с администратором.',
                  ' Только это слишком дорого. Можно поговорить с человеком?',
                  ' И мне нужно перенести запись, соедините с администратором.'])[1 + s.reason] ELSE '' END
        WHEN x.last THEN CASE
          WHEN s.booked THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'Отлично, записывайте!' WHEN 1 THEN 'Подходит, записывайте.' ELSE 'Да, давайте так.' END
          WHEN s.status = 'done' THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'Спасибо, я подумаю.' WHEN 1 THEN 'Понятно, спасибо! Напишу позже.' ELSE 'Хорошо, посоветуюсь и вернусь.' END
          WHEN s.status = 'dropped' THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'Хм, сейчас посмотрю.' WHEN 1 THEN 'А ещё какие варианты есть?' ELSE 'Понятно.' END
          ELSE CASE s.reason WHEN 0 THEN 'Мне ничего не подходит, позовите администратора.' WHEN 1 THEN 'В прошлый раз мастер опоздала на полчаса. Хочу поговорить с администратором.' WHEN 2 THEN 'Это слишком дорого. Можно поговорить с человеком?' ELSE 'Мне нужно перенести запись, а бот не понимает. Соедините с администратором.' END END
        ELSE CASE least(x.t - 1, 5)
          WHEN 1 THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'А к какому мастеру можно?' WHEN 1 THEN CASE WHEN s.first_dialog THEN 'А кого из мастеров посоветуете?' ELSE 'Можно к тому же мастеру, что и в прошлый раз?' END ELSE 'Кто у вас делает ' || s.acc || '?' END
          WHEN 2 THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'А на какой день есть время?' WHEN 1 THEN 'Давайте на ближайшие дни.' ELSE 'А на этой неделе есть время?' END
          WHEN 3 THEN CASE floor(x.r * 3)::int WHEN 0 THEN 'Лучше вечером, после 18:00.' WHEN 1 THEN 'А утром можно?' ELSE 'Во сколько есть окна?' END
          WHEN 4 THEN CASE floor(x.r * 2)::int WHEN 0 THEN 'А можно оплатить картой?' ELSE 'Сколько это займёт по времени?' END
          ELSE CASE floor(x.r * 2)::int WHEN 0 THEN 'А есть скидка для постоянных клиентов?' ELSE 'А парковка рядом есть?' END END
   END),
  ('assistant', x.user_at + make_interval(secs => x.reply_after),
   CASE WHEN x.last THEN CASE
          WHEN s.booked THEN 'Записала вас на ' || s.acc || ' к мастеру ' || s.staff_name || ': '
                             || (ARRAY['понедельник','вторник','среду','четверг','пятницу','субботу','воскресенье'])[extract(isodow FROM s.booking_at AT TIME ZONE 'Europe/Moscow')::int]
                             || ', ' || to_char(s.booking_at AT TIME ZONE 'Europe/Moscow', 'DD.MM в HH24:MI') || '. Напомню накануне 😊'
          WHEN s.status = 'done' THEN 'Хорошо! ' || s.title || ' у нас от ' || s.price_text || ' ₽. Если решите записаться — просто напишите.'
          WHEN s.status = 'dropped' THEN CASE s.stage
            WHEN 'service_selection' THEN 'Подскажите, какая услуга вас интересует: ' || s.acc || ' или что-то ещё?'
            WHEN 'staff_selection' THEN upper(left(s.acc, 1)) || substr(s.acc, 2) || s.do_verb || s.masters || '. К кому вас записать?'
            WHEN 'date_selection' THEN 'На какой день вас записать? Ближайшее свободное время — ' || to_char(s.offer_day, 'DD.MM') || '.'
            ELSE 'На ' || to_char(s.offer_day, 'DD.MM') || ' есть окна в ' || s.offer_times || '. Какое время выбираете?' END
          ELSE 'Передаю ваш вопрос администратору, с вами свяжутся в ближайшее время.' END
        WHEN x.t = 1 THEN 'Здравствуйте, ' || s.first_name || '! ' || s.title || ' у нас стоит ' || s.price_text
                          || ' ₽, занимает около ' || s.minutes || ' мин. Подобрать удобное время?'
        ELSE CASE least(x.t - 1, 5)
          WHEN 1 THEN upper(left(s.acc, 1)) || substr(s.acc, 2) || s.do_verb || s.masters || '. Ближе всего свободна ' || s.staff_name || '.'
          WHEN 2 THEN 'Есть свободное время ' || to_char(s.offer_day, 'DD.MM') || ' и ' || to_char(s.offer_day + 1, 'DD.MM') || '.'
          WHEN 3 THEN 'На ' || to_char(s.offer_day, 'DD.MM') || ' есть окна в ' || s.offer_times || '.'
          WHEN 4 THEN CASE floor(x.r * 2)::int WHEN 0 THEN 'Да, оплата картой и наличными.' ELSE 'Процедура занимает около ' || s.minutes || ' мин.' END
          ELSE CASE floor(x.r * 2)::int WHEN 0 THEN 'Для постоянных клиентов действует скидка 10 %.' ELSE 'Да, во дворе есть бесплатная парковка.' END END
   END)
) AS m(role, at, message);

-- Long-term memory of every client who booked: favourite master and service, preferred time of day, last visit,
-- the usual interval (between their visits, or the service's when they had one or came in quick succession).
INSERT INTO public.user_ltm_v2 (tenant_id, user_id, preferred_staff_id, preferred_service_id, preferred_time, language,
  allow_notifications, ltm_data, created_at, updated_at)
WITH booked AS (
  SELECT d.tenant_id, d.client_id, d.staff_id, d.title, d.booking_at, d.svc, d.tenant_no,
         extract(hour FROM d.booking_at AT TIME ZONE 'Europe/Moscow') AS hour
  FROM demo_dialogs d WHERE d.booked
), per_staff AS (
  SELECT client_id, jsonb_object_agg('staff_' || staff_id, n) AS booking_stats
  FROM (SELECT client_id, staff_id, count(*) AS n FROM booked GROUP BY 1, 2) x GROUP BY client_id
), visits AS (
  SELECT client_id, count(*) AS n, min(booking_at) AS first_visit, max(booking_at) AS last_visit
  FROM booked WHERE booking_at < :'demo_now'::timestamptz GROUP BY client_id
), spans AS (
  SELECT client_id, min(started_at) AS first_at, max(ended_at) AS last_at FROM demo_dialogs GROUP BY client_id
)
SELECT b.tenant_id, b.client_id,
       mode() WITHIN GROUP (ORDER BY b.staff_id),
       mode() WITHIN GROUP (ORDER BY b.title),
       CASE mode() WITHIN GROUP (ORDER BY CASE WHEN b.hour < 12 THEN 1 WHEN b.hour < 17 THEN 2 ELSE 3 END)
            WHEN 1 THEN 'morning' WHEN 2 THEN 'afternoon' ELSE 'evening' END,
       CASE WHEN abs(hashtext(b.client_id::text)) % 40 = 0 THEN 'en' ELSE 'ru' END,
       abs(hashtext(b.client_id::text)) % 25 <> 0,
       jsonb_strip_nulls(jsonb_build_object(
         'booking_stats', ps.booking_stats,
         'last_visit_date', to_char(v.last_visit AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD'),
         'avg_visit_interval', CASE WHEN v.n >= 2 AND v.last_visit - v.first_visit >= make_interval(days => 10 * (v.n::int - 1))
                                    THEN round(extract(epoch FROM v.last_visit - v.first_visit) / 86400 / (v.n - 1))::int
                                    ELSE min(cat.interval_days) END)),
       sp.first_at, sp.last_at
FROM booked b
JOIN per_staff ps ON ps.client_id = b.client_id
JOIN spans sp ON sp.client_id = b.client_id
JOIN demo_catalogue cat ON cat.tenant_no = b.tenant_no AND cat.n = b.svc
LEFT JOIN visits v ON v.client_id = b.client_id
GROUP BY b.tenant_id, b.client_id, ps.booking_stats, v.n, v.first_visit, v.last_visit, sp.first_at, sp.last_at
ORDER BY sp.first_at, b.client_id;

-- Wishlist: a client who dropped out for want of a suitable day or time is put on the list for that service and
-- master. Recent requests mostly wait; older ones were booked, cancelled or expired.
INSERT INTO public.wishlist_v2 (tenant_id, user_id, item_type, item_id, source, comment, status, meta, created_at, updated_at, processed_at)
SELECT w.tenant_id, w.client_id, w.item_type,
       CASE WHEN w.item_type = 'slot' THEN 'slot-' || to_char(w.offer_day, 'YYYYMMDD') || '-' || w.staff_id ELSE 'svc-' || w.svc END,
       CASE WHEN w.r < 0.2 THEN 'bot' ELSE w.channel END,
       (ARRAY[NULL, 'Если освободится время — сразу напишите', 'Только к своему мастеру', 'Можно в выходные', NULL])[1 + floor(w.r2 * 5)::int],
       w.wish_status,
       jsonb_build_object('service_title', w.title, 'staff_name', w.staff_name, 'staff_id', w.staff_id,
         'preferred_date', to_char(w.offer_day, 'YYYY-MM-DD'),
         'time_preference', (ARRAY['morning','afternoon','evening'])[1 + floor(w.r2 * 3)::int]),
       w.created_at, coalesce(w.processed_at, w.created_at), w.processed_at
FROM (
  SELECT d.*, d.ended_at AS created_at, q.r, q.r2, q.item_type, q.wish_status,
         CASE WHEN q.wish_status <> 'pending' THEN least(:'demo_now'::timestamptz - interval '1 hour', d.ended_at + make_interval(hours => 2 + floor(q.r2 * 200)::int)) END AS processed_at
  FROM (SELECT DISTINCT ON (client_id) * FROM demo_dialogs
        WHERE stage IN ('date_selection', 'time_selection') ORDER BY client_id, started_at DESC) d
  CROSS JOIN LATERAL (SELECT abs(hashtext(d.session_uuid::text)) % 1000 / 1000.0 AS r, abs(hashtext(d.client_id::text)) % 1000 / 1000.0 AS r2) h
  CROSS JOIN LATERAL (SELECT h.r, h.r2, CASE WHEN h.r < 0.6 THEN 'slot' ELSE 'service' END AS item_type,
       CASE WHEN d.ended_at > :'demo_now'::timestamptz - interval '14 days'
            THEN CASE WHEN h.r2 < 0.8 THEN 'pending' ELSE 'converted' END
            ELSE CASE WHEN h.r2 < 0.45 THEN 'converted' WHEN h.r2 < 0.65 THEN 'cancelled' ELSE 'expired' END END AS wish_status) q
  WHERE h.r < 0.4
) w
ORDER BY w.created_at, w.client_id;

COMMIT;

SELECT (SELECT count(*) FROM public.tenants_v2) AS salons, (SELECT count(*) FROM public.clients_v2) AS clients,
       (SELECT count(*) FROM public.conversation_sessions_v2) AS sessions, (SELECT count(*) FROM public.recent_history_v2) AS messages,
       (SELECT count(*) FROM public.wishlist_v2) AS wishlist, (SELECT count(*) FROM public.user_ltm_v2) AS memories;
ANALYZE;
