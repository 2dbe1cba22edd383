#!/usr/bin/env bash
# Benchmark: generates a large deterministic data set into its own database (reused when present), runs the
# app in Release against it and reports, side by side with their floors:
#   - the metrics collector's backfill of every day (with and without the dialog index, whose from-scratch build is
#     timed too) vs one raw GROUP BY over the same rows (sessions; and sessions joined to their messages) vs the
#     spec's Python-style pattern (two queries per salon per day);
#   - server-side p50/p95 (the app's own request log) of every page (Overview 7/90 days, Platform, sessions first/filtered/deep page, transcript,
#     wishlist, client search, clients list, client card, audit; retention by month and week, the due list, a search for the salon's
#     most common first name, the Overview grouped by week and month over 366 days, dropped dialogs of 90 days) vs the bare /login
#     page, measured the same way just before each page;
#   - 32 concurrent signed-in users on the Overview for 30 s (wrk, from Debian): requests/s, p99, errors; 32 users each
#     signed in on its own over every list page for 20 s (BENCH_MIX_SECONDS): requests/s, p99, errors; and that app's peak memory;
#   - bounded work: the uncached cost of every page (an app with Dashboard__ReportCacheSeconds=0, each free-text
#     request a new word, each retention request a new range; salon and all-salons pages), a load run on a fresh app
#     with no warm-up (32 users over every list and report page, new search words included, reuse on): p99, errors, peak
#     memory; and the bot's own turn (pgbench: insert a message, read the dialog's history and the client's last
#     dialogs, rolled back) idle and while 16 heavy dashboard requests run at once, with the ratio.
# Prints a table and one line per scenario: BENCH name=… p50_ms=… p95_ms=… floor_ms=… ratio=…
# and writes docs/benchmarks.md (-with-indexes with --indexes, -scaleN at another scale). Reports, never asserts.
#
#   ./build/bench.sh [--scale N] [--requests N] [--indexes] [--bounded-only]
#     --bounded-only runs only the bounded-work part and rewrites only its section of the report.
#     scale 1 ≈ 300k dialogs, 1.5M messages, 60k clients, 20 salons, 120 days; --indexes applies the opt-in
#     build/sql/public-indexes.sql first (without it they are dropped: the bot's schema as the spec ships it).
set -euo pipefail
cd "$(dirname "$0")/.."
. build/lib/pg.sh

scale=1
requests=200
indexes=no
bounded_only=no
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --indexes) indexes=yes; shift ;;
    --bounded-only) bounded_only=yes; shift ;;
    *) echo "usage: build/bench.sh [--scale N] [--requests N] [--indexes] [--bounded-only]" >&2; exit 64 ;;
  esac
done

# One report per kind of run: scale 1 as the spec ships the bot's schema, with the opt-in indexes, other scales.
report=docs/benchmarks
if [ "$indexes" = yes ]; then report+=-with-indexes; fi
if [ "$scale" != 1 ]; then report+=-scale$scale; fi
report+=.md
data="$(pwd)/.data"
port=${AGENTP_PG_PORT:-54329}
db="agentp_bench_s${scale//./_}"
app_port=${BENCH_APP_PORT:-8099}
mkdir -p "$data" docs
psql_owner() { pg_owner_psql "$data/pg" "$port" "$db" "$@"; }

command -v wrk >/dev/null || { echo "==> Installing wrk (Debian)"; { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } >/dev/null; }
echo "==> Building (Release)"
dotnet build src/Web -c Release -nologo -v quiet -clp:ErrorsOnly
pg_cluster_start "$data/pg" "$port"
prepare_local_database "$data/pg" "$port" "$db"
export ConnectionStrings__Dashboard="Host=127.0.0.1;Port=$port;Database=$db;Username=agentp_app;Password=$APP_DB_PASSWORD"
cli() { dotnet run --no-build -c Release --project src/Web -- "$@"; }

if [ "$(psql_owner -tAc 'SELECT count(*) FROM public.tenants_v2')" = 0 ]; then
  echo "==> Generating the data set (scale $scale; a few minutes at scale 10)"
  started=$(date +%s)
  psql_owner -v salons=20 -v days=120 -v clients_per_salon=$((3000 * ${scale%.*})) \
    -v sessions_per_day="$(awk "BEGIN { print int(88 * $scale) }")" -v min_turns=1 -v max_turns=4 -f - < build/sql/demo-data.sql
  echo "    generated in $(( $(date +%s) - started )) s"
else
  echo "==> Reusing the data set in database $db"
fi
cli migrate >/dev/null
# Every opt-in index this script ever applied goes first (a run with --indexes then has exactly today's list).
psql_owner -c "DROP INDEX IF EXISTS public.idx_sessions_tenant_status_date, public.idx_sessions_tenant_started,
  public.idx_sessions_user_started, public.idx_wishlist_tenant_pending, public.idx_history_session_created,
  public.idx_clients_name_trgm, public.idx_clients_tenant_created" >/dev/null
if [ "$indexes" = yes ]; then
  echo "==> Applying the opt-in indexes (build/sql/public-indexes.sql)"
  psql_owner -f - < build/sql/public-indexes.sql
fi
psql_owner -c "ANALYZE" >/dev/null
read -r sessions messages tenants <<<"$(psql_owner -tAc "SELECT (SELECT count(*) FROM public.conversation_sessions_v2), (SELECT count(*) FROM public.recent_history_v2), (SELECT count(*) FROM public.tenants_v2)" | tr '|' ' ')"
echo "    $sessions dialogs, $messages messages, $tenants salons"

# --- the dialog index and the collector vs its floors ----------------------------------------------------
to=$(date -u -d yesterday +%F)
from=$(date -u -d '120 days ago' +%F)
if [ "$bounded_only" = yes ]; then
  # Only what the pages need: the indexes and the collected days, made once.
  [ "$(psql_owner -tAc 'SELECT count(*) > 0 FROM dashboard.dialog_facts')" = t ] || cli index-dialogs
  [ "$(psql_owner -tAc 'SELECT count(*) > 0 FROM dashboard.metrics_dailies')" = t ] || cli collect-metrics --from "$from" --to "$to"
else
collect() { # the collector's backfill of every day, in ms, as the command line reports it (wall time of the collection)
  local s
  psql_owner -c "TRUNCATE dashboard.metrics_dailies" >/dev/null
  s=$(cli collect-metrics --from "$from" --to "$to" | tee /dev/stderr | sed -n 's/.* in \([0-9.]*\) s\.$/\1/p')
  awk "BEGIN { printf \"%.0f\", $s * 1000 }"
}
# The client index counts dialogs in the dialog index's chunks: both start again together.
psql_owner -c "TRUNCATE dashboard.dialog_facts, dashboard.client_facts, dashboard.client_index_marks, dashboard.staff_names" >/dev/null
echo "==> Collector backfill $from … $to, no dialog indexed yet (every response time from the messages)"
collector_unindexed_ms=$(collect)
# Once after deploying; the every-minute job then takes only new dialogs.
echo "==> Dialog index from scratch"
index_s=$(cli index-dialogs | tee /dev/stderr | sed -n 's/.* added in \([0-9.]*\) s;.*/\1/p')
index_ms=$(awk "BEGIN { printf \"%.0f\", $index_s * 1000 }")
psql_owner -c "VACUUM ANALYZE dashboard.dialog_facts, dashboard.client_facts" >/dev/null
echo "==> Collector backfill $from … $to, dialogs indexed (as in operation)"
collector_ms=$(collect)

timed_sql() { # prints the server time in ms of the last statement
  { echo '\timing on'; echo 'SET jit = off;'; echo "$1"; } | psql_owner 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
}
raw_ms=$(timed_sql "CREATE TEMP TABLE f AS SELECT tenant_id, (started_at AT TIME ZONE 'Europe/Moscow')::date AS day, count(*) AS n, count(booking_id) AS b, sum(booking_amount) AS r FROM public.conversation_sessions_v2 GROUP BY 1, 2;")
raw_msg_ms=$(timed_sql "CREATE TEMP TABLE f AS SELECT s.tenant_id, (s.started_at AT TIME ZONE 'Europe/Moscow')::date AS day, count(*) AS n, count(*) FILTER (WHERE h.role = 'user') AS u FROM public.conversation_sessions_v2 s JOIN public.recent_history_v2 h ON h.session_id = s.session_id GROUP BY 1, 2;")

echo "==> Naive reference: the spec's pattern, per salon per day a count, a fetch of booked rows and an upsert (own commit)"
# The upsert goes to a scratch table of the bench database (never public, never the app's own rows).
psql_owner -c "CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.naive_metrics (tenant_id uuid, day date, dialogs int,
  bookings int, revenue numeric, conversion numeric, PRIMARY KEY (tenant_id, day)); TRUNCATE bench.naive_metrics" >/dev/null
psql_owner -tA -c "
  SELECT format('SELECT count(*) FROM public.conversation_sessions_v2 WHERE tenant_id = %L AND started_at >= %L AND started_at < %L;', t.id, d, d + 1)
      || format('SELECT id, booking_amount FROM public.conversation_sessions_v2 WHERE tenant_id = %L AND started_at >= %L AND started_at < %L AND booking_id IS NOT NULL;', t.id, d, d + 1)
      || format('INSERT INTO bench.naive_metrics SELECT %L, %L, count(*), count(booking_id), coalesce(sum(booking_amount), 0), CASE WHEN count(*) = 0 THEN 0 ELSE round(count(booking_id) * 100.0 / count(*), 2) END FROM public.conversation_sessions_v2 WHERE tenant_id = %L AND started_at >= %L AND started_at < %L ON CONFLICT (tenant_id, day) DO UPDATE SET dialogs = excluded.dialogs, bookings = excluded.bookings, revenue = excluded.revenue, conversion = excluded.conversion;', t.id, d, t.id, d, d + 1)
  FROM public.tenants_v2 t, generate_series('$from'::date, '$to'::date, interval '1 day') AS g(x), LATERAL (SELECT x::date AS d) dd" > "$data/naive.sql"
started=$(date +%s%N)
psql_owner -f - < "$data/naive.sql" > /dev/null
naive_ms=$(( ($(date +%s%N) - started) / 1000000 ))
fi

# --- pages vs the /login floor ----------------------------------------------------------------------------
salon=$(psql_owner -tAc "SELECT id FROM public.tenants_v2 WHERE slug = 'lavanda'")
has_user() { [ "$(psql_owner -tAc "SELECT count(*) FROM dashboard.users WHERE email = '$1'")" != 0 ]; }
has_user bench-admin@agentp.local || cli create-user --email bench-admin@agentp.local --password "$DEMO_ADMIN_PASSWORD" --role admin --tenant "$salon" >/dev/null
has_user bench-root@agentp.local || cli create-user --email bench-root@agentp.local --password "$DEMO_SUPER_ADMIN_PASSWORD" --role super_admin >/dev/null

app_log="$data/bench-app.log"
start_app() { # [extra VAR=value…] — the app in Release, Production settings, jobs off
  echo "==> Starting the app (Release) on 127.0.0.1:$app_port"
  env ASPNETCORE_ENVIRONMENT=Production Dashboard__RunJobs=false Logging__LogLevel__Default=Warning "$@" \
    dotnet run --no-build -c Release --project src/Web -- --urls "http://127.0.0.1:$app_port" > "$app_log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null && break; sleep 0.5; done
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$app_port/health/live" >/dev/null 2>&1 || break; sleep 0.2; done
}
trap stop_app EXIT
# For the pages the app logs each request's server-side duration (ASP.NET Core's "Request finished", JSON lines):
# that is what is measured, not the client's round trip (a curl process per request adds ~1 ms of noise to both sides).
start_app 'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information'

base="http://127.0.0.1:$app_port"
sign_in() { # $1 email $2 password $3 cookie jar
  local token
  token=$(curl -s -c "$3" -b "$3" "$base/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -c "$3" -b "$3" --data-urlencode "Email=$1" --data-urlencode "Password=$2" --data-urlencode "__RequestVerificationToken=$token" "$base/login"
}
admin_jar="$data/bench-admin.cookies"; root_jar="$data/bench-root.cookies"
cold_file="$data/bench-cold.txt"; : > "$cold_file"
sign_in bench-admin@agentp.local "$DEMO_ADMIN_PASSWORD" "$admin_jar"
sign_in bench-root@agentp.local "$DEMO_SUPER_ADMIN_PASSWORD" "$root_jar"

block() { # $1 path $2 cookie jar → server-side "p50 p95" in ms over $requests requests after a warm-up
  local path=$1 jar=$2 i first
  # -c as well: the cookie a browser would keep (renewed after its once-a-minute security-stamp check) is kept.
  # 100 requests first: the page's code is then JIT-optimised (tiered compilation promotes a method after 30 calls and
  # a pause), as on an instance that has been serving for a while; with 5, the first requests of a block ran
  # unoptimised code and a page measured early in the run looked slower than the same page measured late.
  for i in $(seq 1 100); do curl -s -o /dev/null -b "$jar" -c "$jar" "$base$path"; done
  sleep 0.3 # the console logger writes on its own thread
  first=$(( $(wc -l < "$app_log") + 1 ))
  for i in $(seq 1 "$requests"); do
    curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{http_code}\n' "$base$path"
  done | awk '$1 != 200 { bad++ } END { if (bad) print "non-200 answers on '"$path"': " bad > "/dev/stderr" }'
  sleep 0.3
  tail -n +"$first" "$app_log" | grep -a '"Request finished' | sed -n 's/.*"ElapsedMilliseconds":\([0-9.]*\).*/\1/p' \
    | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f %.1f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)] }'
}
measure() { # $1 path $2 cookie jar → "p50 p95 floor_p95": the page, and the p95 of a block of /login just before it
  # The floor is measured the same way and next to each page: measured once for all, it drifted with the machine
  # (0.7–1.5 ms p50 between runs) and so did every ratio.
  local floor
  floor=$(block /login /dev/null)
  echo "$(block "$1" "$2") ${floor#* }"
}
peak_memory() { # the peak resident memory (VmHWM) of the app, in MB: dotnet run and the app it starts, the larger is the app
  local pid kb mb=0
  for pid in $(pgrep -f "urls http://127.0.0.1:$app_port"); do
    kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "$(( kb / 1024 ))" -gt "$mb" ] && mb=$(( kb / 1024 ))
  done
  echo "$mb"
}
if [ "$bounded_only" = no ]; then
echo "==> Measuring pages ($requests requests each)"
read -r login_p50 login_p95 <<<"$(block /login /dev/null)"
read -r o7_p50 o7_p95 o7_f95 <<<"$(measure '/?range=7d' "$admin_jar")"
read -r o90_p50 o90_p95 o90_f95 <<<"$(measure '/?range=90d' "$admin_jar")"
read -r plat_p50 plat_p95 plat_f95 <<<"$(measure '/platform?range=90d' "$root_jar")"
# Operations pages of the big salon: a deep keyset page (row 5 000 = page 100), a transcript, a client search.
deep=$(psql_owner -tAc "SELECT ((extract(epoch FROM started_at) * 10000000)::bigint + 621355968000000000) || '-' || id
  FROM public.conversation_sessions_v2 WHERE tenant_id = '$salon' ORDER BY started_at DESC, id DESC OFFSET 4999 LIMIT 1")
transcript=$(psql_owner -tAc "SELECT id FROM public.conversation_sessions_v2 WHERE tenant_id = '$salon' AND messages_count >= 6 ORDER BY id DESC LIMIT 1")
read -r s1_p50 s1_p95 s1_f95 <<<"$(measure '/sessions' "$admin_jar")"
read -r sf_p50 sf_p95 sf_f95 <<<"$(measure '/sessions?status=dropped&channel=whatsapp' "$admin_jar")"
read -r sd_p50 sd_p95 <<<"$(block "/sessions?after=$deep" "$admin_jar")" # against the first page, not /login
read -r tr_p50 tr_p95 tr_f95 <<<"$(measure "/sessions/$transcript" "$admin_jar")"
read -r cs_p50 cs_p95 cs_f95 <<<"$(measure '/clients?q=%D0%90%D0%BD%D0%BD%D0%B0' "$admin_jar")"
read -r cl_p50 cl_p95 cl_f95 <<<"$(measure '/clients' "$admin_jar")" # as the menu opens it: every client, the due count
read -r wl_p50 wl_p95 wl_f95 <<<"$(measure '/wishlist' "$admin_jar")"
card=$(psql_owner -tAc "SELECT user_id FROM public.conversation_sessions_v2 WHERE tenant_id = '$salon' GROUP BY user_id ORDER BY count(*) DESC LIMIT 1")
read -r cc_p50 cc_p95 cc_f95 <<<"$(measure "/clients/$card" "$admin_jar")"
read -r au_p50 au_p95 au_f95 <<<"$(measure '/audit' "$admin_jar")"
# Retention, the due list, and a search for the salon's most common first name, whatever it is (one client in eight
# bears it in the demo data): each reads the client index, so none should grow with the salon's clients.
urlencode() { local LC_ALL=C s=$1 i c out=""; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
  case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; printf '%s' "$out"; }
common=$(psql_owner -tAc "SELECT split_part(full_name, ' ', 1) FROM public.clients_v2 WHERE tenant_id = '$salon' AND full_name <> ''
  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
common_q=$(urlencode "$common")
read -r rt_p50 rt_p95 rt_f95 <<<"$(measure '/retention' "$admin_jar")"
read -r rtw_p50 rtw_p95 rtw_f95 <<<"$(measure '/retention?group=week' "$admin_jar")"
read -r du_p50 du_p95 du_f95 <<<"$(measure '/clients?due=1' "$admin_jar")"
read -r cn_p50 cn_p95 cn_f95 <<<"$(measure "/clients?q=$common_q" "$admin_jar")"
# The grouped Overview over 366 days and a drill-down list with its count (pages of the periods and drill-down work).
year_from=$(date -u -d '365 days ago' +%F); today=$(date -u +%F)
read -r gw_p50 gw_p95 gw_f95 <<<"$(measure "/?from=$year_from&to=$today&group=week" "$admin_jar")"
read -r gm_p50 gm_p95 gm_f95 <<<"$(measure "/?from=$year_from&to=$today&group=month" "$admin_jar")"
read -r dd_p50 dd_p95 dd_f95 <<<"$(measure "/sessions?from=$(date -u -d '89 days ago' +%F)&to=$today&status=dropped" "$admin_jar")"

# Every block above repeats one page, so after its first request the cache answers (ReportCacheSeconds 30, as in
# production). What a page costs before reuse: once every entry has expired, each page once more, its code long JIT-ed.
first_request() { # $1 path $2 cookie jar → the server time of one request, in ms
  local from
  from=$(( $(wc -l < "$app_log") + 1 ))
  curl -s -o /dev/null -b "$2" -c "$2" "$base$1"
  sleep 0.3
  tail -n +"$from" "$app_log" | grep -a '"Request finished' | head -n 1 | sed -n 's/.*"ElapsedMilliseconds":\([0-9.]*\).*/\1/p'
}
echo "==> Each page once more, after the cache has let go of it (${BENCH_COLD_WAIT:-32} s)"
sleep "${BENCH_COLD_WAIT:-32}"
for path in '/?range=7d' '/?range=90d' "/?from=$year_from&to=$today&group=week" "/?from=$year_from&to=$today&group=month" \
  '/sessions' "/sessions?from=$(date -u -d '89 days ago' +%F)&to=$today&status=dropped" '/clients' '/clients?due=1' \
  "/clients?q=$common_q" "/clients/$card" '/retention' '/retention?group=week' '/wishlist' '/audit'; do
  echo "$path $(first_request "$path" "$admin_jar")" >> "$cold_file"
done
echo "/platform?range=90d $(first_request '/platform?range=90d' "$root_jar")" >> "$cold_file"

# --- 32 concurrent users on the Overview ------------------------------------------------------------------
# A fresh app without the request log, as production runs (the cookies stay valid: the keys live in the database).
stop_app
start_app
duration=${BENCH_LOAD_SECONDS:-30}
echo "==> $((32)) concurrent users on /?range=90d for ${duration} s (wrk)"
curl -s -o /dev/null -b "$admin_jar" -c "$admin_jar" "$base/" # a freshly renewed cookie, as a browser would hold
cookie=$(awk 'NF >= 7 && $6 ~ /^\.AspNetCore|^agentp/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$admin_jar")
[ -n "$cookie" ] || cookie=$(awk 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " } $1 ~ /^#HttpOnly_/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$admin_jar")
# Warm-up first (JIT tiers, pools, caches), as a running instance is; then the measured run.
wrk -t2 -c32 -d30s -H "Cookie: $cookie" "$base/?range=90d" > /dev/null 2>&1 || true
wrk -t2 -c32 -d"${duration}s" --latency -H "Cookie: $cookie" "$base/?range=90d" > "$data/wrk.txt" 2>&1 || true
load_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$data/wrk.txt")
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0; else if (v ~ /s$/) printf "%.1f", v * 1000; else print "?" }'; }
load_p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$data/wrk.txt")")
load_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$data/wrk.txt")")
load_non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$data/wrk.txt"); load_non2xx=${load_non2xx:-0}
load_socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$data/wrk.txt"); load_socket=${load_socket:-0}
load_errors=$((load_non2xx + load_socket))
[ "$(awk '/requests in/ { print $1 }' "$data/wrk.txt")" != 0 ] || echo "wrk made no requests: see $data/wrk.txt" >&2
# --- 32 signed-in users over every list page ---------------------------------------------------------------
# Each user signs in on its own (fresh cookies, as browsers hold them); wrk's script sends each request with the next
# user's cookie and the next page of the mix, so no one cached page answers them all.
mix_seconds=${BENCH_MIX_SECONDS:-20}
echo "==> 32 signed-in users over every list page for ${mix_seconds} s (wrk)"
mix_lua="$data/mix.lua"
{
  echo 'local cookies = {'
  for u in $(seq 1 32); do
    jar="$data/bench-mix-$u.cookies"; rm -f "$jar"
    sign_in bench-admin@agentp.local "$DEMO_ADMIN_PASSWORD" "$jar"
    curl -s -o /dev/null -b "$jar" -c "$jar" "$base/"
    printf '  "%s",\n' "$(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")"
  done
  echo '}'
  echo 'local paths = {'
  for path in / /sessions /clients "/clients?q=$common_q" /wishlist /retention /audit /escalations /alerts; do printf '  "%s",\n' "$path"; done
  echo '}'
  cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookies[(math.floor(n / #paths) % #cookies) + 1] })
end
LUA
} > "$mix_lua"
wrk -t2 -c32 -d10s -s "$mix_lua" "$base" > /dev/null 2>&1 || true
wrk -t2 -c32 -d"${mix_seconds}s" --latency -s "$mix_lua" "$base" > "$data/wrk-mix.txt" 2>&1 || true
mix_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$data/wrk-mix.txt")
mix_p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$data/wrk-mix.txt")")
mix_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$data/wrk-mix.txt")")
mix_non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$data/wrk-mix.txt"); mix_non2xx=${mix_non2xx:-0}
mix_socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$data/wrk-mix.txt"); mix_socket=${mix_socket:-0}
mix_errors=$((mix_non2xx + mix_socket))

memory_mb=$(peak_memory)

# --- report -----------------------------------------------------------------------------------------------
ratio() { awk "BEGIN { printf \"%.2f\", ($1) / ($2) }"; }
lines=(
  "name=collector_backfill_120d p50_ms=$collector_ms p95_ms=$collector_ms floor_ms=$raw_msg_ms ratio=$(ratio "$collector_ms" "$raw_msg_ms")"
  "name=collector_vs_sessions_group_by p50_ms=$collector_ms p95_ms=$collector_ms floor_ms=$raw_ms ratio=$(ratio "$collector_ms" "$raw_ms")"
  "name=naive_python_pattern p50_ms=$naive_ms p95_ms=$naive_ms floor_ms=$collector_ms ratio=$(ratio "$naive_ms" "$collector_ms")"
  "name=collector_backfill_120d_unindexed p50_ms=$collector_unindexed_ms p95_ms=$collector_unindexed_ms floor_ms=$raw_msg_ms ratio=$(ratio "$collector_unindexed_ms" "$raw_msg_ms")"
  "name=dialog_index_from_scratch p50_ms=$index_ms p95_ms=$index_ms floor_ms=$raw_msg_ms ratio=$(ratio "$index_ms" "$raw_msg_ms")"
  "name=overview_7d p50_ms=$o7_p50 p95_ms=$o7_p95 floor_ms=$o7_f95 ratio=$(ratio "$o7_p95" "$o7_f95")"
  "name=overview_90d p50_ms=$o90_p50 p95_ms=$o90_p95 floor_ms=$o90_f95 ratio=$(ratio "$o90_p95" "$o90_f95")"
  "name=platform_90d p50_ms=$plat_p50 p95_ms=$plat_p95 floor_ms=$plat_f95 ratio=$(ratio "$plat_p95" "$plat_f95")"
  "name=sessions_first_page p50_ms=$s1_p50 p95_ms=$s1_p95 floor_ms=$s1_f95 ratio=$(ratio "$s1_p95" "$s1_f95")"
  "name=sessions_filtered p50_ms=$sf_p50 p95_ms=$sf_p95 floor_ms=$sf_f95 ratio=$(ratio "$sf_p95" "$sf_f95")"
  "name=sessions_page_100 p50_ms=$sd_p50 p95_ms=$sd_p95 floor_ms=$s1_p95 ratio=$(ratio "$sd_p95" "$s1_p95")"
  "name=transcript p50_ms=$tr_p50 p95_ms=$tr_p95 floor_ms=$tr_f95 ratio=$(ratio "$tr_p95" "$tr_f95")"
  "name=client_search p50_ms=$cs_p50 p95_ms=$cs_p95 floor_ms=$cs_f95 ratio=$(ratio "$cs_p95" "$cs_f95")"
  "name=clients_list p50_ms=$cl_p50 p95_ms=$cl_p95 floor_ms=$cl_f95 ratio=$(ratio "$cl_p95" "$cl_f95")"
  "name=wishlist p50_ms=$wl_p50 p95_ms=$wl_p95 floor_ms=$wl_f95 ratio=$(ratio "$wl_p95" "$wl_f95")"
  "name=client_card p50_ms=$cc_p50 p95_ms=$cc_p95 floor_ms=$cc_f95 ratio=$(ratio "$cc_p95" "$cc_f95")"
  "name=audit p50_ms=$au_p50 p95_ms=$au_p95 floor_ms=$au_f95 ratio=$(ratio "$au_p95" "$au_f95")"
  "name=retention p50_ms=$rt_p50 p95_ms=$rt_p95 floor_ms=$rt_f95 ratio=$(ratio "$rt_p95" "$rt_f95")"
  "name=retention_weeks p50_ms=$rtw_p50 p95_ms=$rtw_p95 floor_ms=$rtw_f95 ratio=$(ratio "$rtw_p95" "$rtw_f95")"
  "name=clients_due p50_ms=$du_p50 p95_ms=$du_p95 floor_ms=$du_f95 ratio=$(ratio "$du_p95" "$du_f95")"
  "name=client_search_common_name p50_ms=$cn_p50 p95_ms=$cn_p95 floor_ms=$cn_f95 ratio=$(ratio "$cn_p95" "$cn_f95")"
  "name=overview_366d_weeks p50_ms=$gw_p50 p95_ms=$gw_p95 floor_ms=$gw_f95 ratio=$(ratio "$gw_p95" "$gw_f95")"
  "name=overview_366d_months p50_ms=$gm_p50 p95_ms=$gm_p95 floor_ms=$gm_f95 ratio=$(ratio "$gm_p95" "$gm_f95")"
  "name=sessions_dropped_90d p50_ms=$dd_p50 p95_ms=$dd_p95 floor_ms=$dd_f95 ratio=$(ratio "$dd_p95" "$dd_f95")"
  "name=every_list_32_users p50_ms=$mix_p50 p95_ms=$mix_p99 floor_ms=250 ratio=$(ratio "$mix_p99" 250) rps=$mix_rps errors=$mix_errors"
  "name=overview_90d_32_users p50_ms=$load_p50 p95_ms=$load_p99 floor_ms=150 ratio=$(ratio "$load_p99" 150) rps=$load_rps errors=$load_errors"
  "name=login_floor p50_ms=$login_p50 p95_ms=$login_p95 floor_ms=$login_p95 ratio=1.00"
)
echo
printf '%-32s %10s %10s %10s %8s\n' scenario p50_ms p95_ms floor_ms ratio
for l in "${lines[@]}"; do
  # shellcheck disable=SC2086
  set -- $l
  printf '%-32s %10s %10s %10s %8s\n' "${1#name=}" "${2#p50_ms=}" "${3#p95_ms=}" "${4#floor_ms=}" "${5#ratio=}"
done
echo "32 users on the Overview: $load_rps requests/s, p99 $load_p99 ms, $load_errors errors"
echo "32 users over every list page: $mix_rps requests/s, p99 $mix_p99 ms, $mix_errors errors"
echo "app peak memory (VmHWM): ${memory_mb} MB"
echo
for l in "${lines[@]}"; do echo "BENCH $l"; done

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
{
  echo "# Benchmarks"
  echo
  echo "Last run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`./build/bench.sh --scale $scale$([ "$indexes" = yes ] && echo ' --indexes')\`, on $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, PostgreSQL $(psql_owner -tAc 'SHOW server_version'), .NET $(dotnet --version)."
  echo
  echo "Data set: $sessions dialogs, $messages messages, $tenants salons, 120 days; the biggest salon holds a third. Pages are measured for that salon's admin over $requests requests after a warm-up: server-side durations from the app's own request log (curl on loopback, one request at a time, app in Release, jobs off); the load and memory figures come from a fresh app without that log."
  echo
  echo "| scenario | p50 ms | p95 ms | floor ms | ratio |"
  echo "|---|---:|---:|---:|---:|"
  for l in "${lines[@]}"; do
    # shellcheck disable=SC2086
    set -- $l
    echo "| ${1#name=} | ${2#p50_ms=} | ${3#p95_ms=} | ${4#floor_ms=} | ${5#ratio=} |"
  done
  echo
  echo "Load: 32 concurrent signed-in users on \`/?range=90d\` for ${duration} s (wrk, 2 threads, after a 30 s warm-up of a fresh app): **$load_rps requests/s**, p50 $load_p50 ms,"
  echo "**p99 $load_p99 ms** (target ≤ 150 ms; the row \`overview_90d_32_users\` shows p99 in the p95 column), **$load_errors errors**."
  echo
  echo "Mixed load: 32 users, each signed in on its own, over \`/\`, \`/sessions\`, \`/clients\`, \`/clients?q=$common\` (the salon's most common first name), \`/wishlist\`, \`/retention\`, \`/audit\`, \`/escalations\`, \`/alerts\` for ${mix_seconds} s (wrk, after a 10 s warm-up): **$mix_rps requests/s**, p50 $mix_p50 ms, **p99 $mix_p99 ms** (target ≤ 250 ms; row \`every_list_32_users\`), **$mix_errors errors** (target 0)."
  echo
  echo "Peak memory (VmHWM) of the app that served the load: **${memory_mb} MB** (target ≤ 300 MB)."
  echo
  echo "A page before reuse: each page once, after every cache entry had expired (\`ReportCacheSeconds\` 30, as in production),"
  echo "its code already JIT-ed by the blocks above (server-side ms; the tables above repeat one page, so they measure reuse):"
  echo
  echo "| page | first request ms |"
  echo "|---|---:|"
  awk '{ printf "| `%s` | %.1f |\n", $1, $2 }' "$cold_file"
  echo
  echo "Floors: \`collector_backfill_120d\` (in operation: the dialogs' response times already derived once, by the dialog"
  echo "index) and \`collector_backfill_120d_unindexed\` (a fresh deployment: every response time from the messages) against"
  echo "one raw GROUP BY of the dialogs joined to their messages (the rows the collector would read for response times); \`collector_vs_sessions_group_by\` against the dialogs-only GROUP BY;"
  echo "\`naive_python_pattern\` is the spec's collector (per salon per day: a count query, a fetch of booked rows and an upsert in its own commit; no HTTP, no response times) and its"
  echo "ratio is how many times slower it is than ours; pages against the bare \`/login\` page (Kestrel + Razor), measured the same"
  echo "way just before each page (\`login_floor\` is one more such block, before the first page), except
\`sessions_page_100\` (the 5 000th row by keyset) against the first sessions page;
\`dialog_index_from_scratch\` (each dialog's client and response times, derived once after deploying; the
every-minute job then takes only new dialogs, and the collector and the client pages read it) against the GROUP BY of
dialogs joined to their messages. Opt-in indexes of
\`build/sql/public-indexes.sql\`: $([ "$indexes" = yes ] && echo 'applied' || echo 'not applied (the bot schema as the spec ships it)')."
} > "$report"
echo "wrote $report"
fi
. build/lib/bench-bounded.sh
