# Bounded work (sourced by build/bench.sh after the pages and loads; uses its app, sign-ins and request log):
#   - the uncached cost of every list and report page: an app with Dashboard__ReportCacheSeconds=0, each free-text
#     request a new word, each retention request a new range, server-side p50/p95 from the app's request log;
#   - the bot's own turn with pgbench, idle and while 16 heavy dashboard requests run at once, and the ratio;
#   - a load run on a fresh app with no warm-up: 32 users over every list and report page (new words included), reuse on.
# Writes its own section of the report (between the bounded-work markers), leaving the rest as it was.

bounded_requests=${BENCH_UNCACHED_REQUESTS:-40}
year_from=$(date -u -d '365 days ago' +%F); today=$(date -u +%F); d90=$(date -u -d '89 days ago' +%F)
urlencode() { local LC_ALL=C s=$1 i c out=""; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
  case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; printf '%s' "$out"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0; else if (v ~ /s$/) printf "%.1f", v * 1000; else print "?" }'; }

# New words: real words of the salon's clients' names and of the dialogs, each used once (a new word misses every cache
# the database and the app have for the ones before it).
psql_owner -tAc "SELECT DISTINCT left(split_part(full_name, ' ', 2), 4) FROM public.clients_v2
  WHERE split_part(full_name, ' ', 2) ~ '^[А-Яа-яЁё]{4,}' LIMIT 2000" | shuf --random-source=<(yes) > "$data/bounded-names.txt" || true
psql_owner -tAc "SELECT DISTINCT w FROM (SELECT regexp_split_to_table(message, '[ ,.!?:;()«»\"—-]+') AS w FROM public.recent_history_v2
  WHERE role = 'user' LIMIT 200000) x WHERE w ~ '^[А-Яа-яЁё]{5,}$' LIMIT 2000" | shuf --random-source=<(yes) > "$data/bounded-words.txt" || true
[ -s "$data/bounded-names.txt" ] || echo 'Анна' > "$data/bounded-names.txt"
[ -s "$data/bounded-words.txt" ] || echo 'записаться' > "$data/bounded-words.txt"
names_total=$(wc -l < "$data/bounded-names.txt"); words_total=$(wc -l < "$data/bounded-words.txt")
# Each sets $next (not echoed: a counter kept in a subshell would not move).
word_n=0; range_n=0; next=""
next_word() { word_n=$((word_n + 1)); next=$(urlencode "$(sed -n "$(( (word_n - 1) % words_total + 1 ))p" "$data/bounded-words.txt")"); }
next_name() { word_n=$((word_n + 1)); next=$(urlencode "$(sed -n "$(( (word_n - 1) % names_total + 1 ))p" "$data/bounded-names.txt")"); }
next_range() { range_n=$((range_n + 1)); next="from=$(date -u -d "$(( 365 - range_n % 300 )) days ago" +%F)&to=$(date -u -d "$(( range_n % 30 )) days ago" +%F)"; }

page_paths() { # $1 page $2 its path $3 count → that many paths: the page itself, or a new word or range each time
  local i
  for i in $(seq 1 "$3"); do
    case $1 in
      sessions_search_366d) next_word; echo "/sessions?q=$next&from=$year_from&to=$today" ;;
      clients_search) next_name; echo "/clients?q=$next" ;;
      retention_new_range) next_range; echo "/retention?$next" ;;
      *) echo "$2" ;;
    esac
  done
}
timed_paths() { # $1 file of paths $2 cookie jar → server-side "p50 p95 non200" of those requests, each once
  local first bad
  sleep 0.3
  first=$(( $(wc -l < "$app_log") + 1 ))
  bad=$(while read -r p; do curl -s -o /dev/null -b "$2" -c "$2" -w '%{http_code}\n' "$base$p"; done < "$1" | awk '$1 != 200 { n++ } END { print n + 0 }')
  sleep 0.3
  echo "$(tail -n +"$first" "$app_log" | grep -a '"Request finished' | sed -n 's/.*"ElapsedMilliseconds":\([0-9.]*\).*/\1/p' \
    | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "? ?"; else printf "%.1f %.1f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)] }') $bad"
}

# 32 admins of the salon: the heavy-request limit is per user, so "32 users" must be 32 users, not 32 sessions of one.
for u in $(seq 1 32); do
  has_user "bench-user-$u@agentp.local" || cli create-user --email "bench-user-$u@agentp.local" --password "$DEMO_ADMIN_PASSWORD" --role admin --tenant "$salon" >/dev/null
done
user_cookie() { # $1 n → the Cookie header of bench-user-n, signed in afresh
  local jar="$data/bench-mix-$1.cookies"
  rm -f "$jar"
  sign_in "bench-user-$1@agentp.local" "$DEMO_ADMIN_PASSWORD" "$jar"
  curl -s -o /dev/null -b "$jar" -c "$jar" "$base/"
  awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# --- the uncached table -------------------------------------------------------------------------------------------
stop_app
start_app Dashboard__ReportCacheSeconds=0 'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information'
sign_in bench-admin@agentp.local "$DEMO_ADMIN_PASSWORD" "$admin_jar"
sign_in bench-root@agentp.local "$DEMO_SUPER_ADMIN_PASSWORD" "$root_jar"
transcript=$(psql_owner -tAc "SELECT id FROM public.conversation_sessions_v2 WHERE tenant_id = '$salon' AND messages_count >= 6 ORDER BY id DESC LIMIT 1")
card=$(psql_owner -tAc "SELECT user_id FROM public.conversation_sessions_v2 WHERE tenant_id = '$salon' GROUP BY user_id ORDER BY count(*) DESC LIMIT 1")
# name|path|scope (salon: the salon admin; all: the super_admin with no salon picked)
uncached_pages=(
  "overview_7d|/?range=7d|salon" "overview_90d|/?range=90d|salon" "overview_366d_weeks|/?from=$year_from&to=$today&group=week|salon"
  "sessions_first_page|/sessions|salon" "sessions_dropped_90d|/sessions?from=$d90&to=$today&status=dropped|salon"
  "sessions_search_366d||salon" "transcript|/sessions/$transcript|salon" "clients_list|/clients|salon" "clients_search||salon"
  "clients_due|/clients?due=1|salon" "client_card|/clients/$card|salon" "wishlist|/wishlist|salon" "retention|/retention|salon"
  "retention_new_range||salon" "audit|/audit|salon" "escalations|/escalations|salon" "alerts|/alerts|salon"
  "overview_90d|/?range=90d|all" "platform_90d|/platform?range=90d|all" "sessions_first_page|/sessions|all"
  "sessions_search_366d||all" "clients_list|/clients|all" "clients_search||all" "retention|/retention|all"
  "retention_new_range||all" "audit|/audit|all"
)
echo "==> Uncached pages (Dashboard__ReportCacheSeconds=0), $bounded_requests requests each after 20 to warm the code"
uncached_rows=()
for entry in "${uncached_pages[@]}"; do
  IFS='|' read -r name path scope <<<"$entry"
  jar=$admin_jar; [ "$scope" = all ] && jar=$root_jar
  page_paths "$name" "$path" 20 > "$data/bounded-warm.txt"
  timed_paths "$data/bounded-warm.txt" "$jar" > /dev/null
  page_paths "$name" "$path" "$bounded_requests" > "$data/bounded-paths.txt"
  read -r p50 p95 bad <<<"$(timed_paths "$data/bounded-paths.txt" "$jar")"
  target=50; [ "$scope" = all ] && target=250
  uncached_rows+=("$scope $name $p50 $p95 $target $bad")
  echo "    $scope $name p50 $p50 p95 $p95 (target ≤ $target) non-200 $bad"
done

# --- the bot's own turn, idle and under 16 heavy requests -----------------------------------------------------------
psql_owner -c "CREATE SCHEMA IF NOT EXISTS bench; DROP TABLE IF EXISTS bench.bot_dialogs;
  CREATE TABLE bench.bot_dialogs AS SELECT row_number() OVER () AS n, tenant_id, user_id, session_id, channel
  FROM (SELECT tenant_id, user_id, session_id, channel FROM public.conversation_sessions_v2 ORDER BY id DESC LIMIT 1000) d;
  CREATE UNIQUE INDEX ON bench.bot_dialogs (n); ANALYZE bench.bot_dialogs" >/dev/null
cat > "$data/bot-turn.sql" <<'SQL'
\set n random(1, 1000)
BEGIN;
INSERT INTO public.recent_history_v2 (tenant_id, user_id, session_id, role, channel, message)
  SELECT tenant_id, user_id, session_id, 'user', channel, 'Можно записаться на завтра?' FROM bench.bot_dialogs WHERE n = :n;
SELECT role, message, created_at FROM public.recent_history_v2
  WHERE session_id = (SELECT session_id FROM bench.bot_dialogs WHERE n = :n) ORDER BY created_at DESC LIMIT 20;
SELECT session_id, started_at, final_status, booking_id FROM public.conversation_sessions_v2
  WHERE user_id = (SELECT user_id FROM bench.bot_dialogs WHERE n = :n) ORDER BY started_at DESC LIMIT 5;
ROLLBACK;
SQL
chmod 644 "$data/bot-turn.sql"
bot_seconds=${BENCH_BOT_SECONDS:-15}
bot_turn() { # the bot's turn, one client at a time for $bot_seconds s → mean latency in ms
  { as_cluster_owner "$(pg_bin_dir)/pgbench" -n -h "$data/pg" -p "$port" -U postgres -f "$data/bot-turn.sql" -c 1 -T "$bot_seconds" "$db" 2>/dev/null || true; } \
    | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p'
}
echo "==> The bot's turn, idle (${bot_seconds} s)"
bot_idle=$(bot_turn)
# 16 heavy requests at once from 4 of the salon's admins, 4 each (the heavy-request limit's default), each a new word
# or range, nothing cached: all 16 run.
heavy_lua="$data/heavy.lua"
{
  echo 'local paths = {'
  for i in $(seq 1 400); do
    case $((i % 4)) in
      0) next_word; printf '  "/sessions?q=%s&from=%s&to=%s",\n' "$next" "$year_from" "$today" ;;
      1) next_range; printf '  "/retention?%s",\n' "$next" ;;
      2) next_name; printf '  "/clients?q=%s",\n' "$next" ;;
      3) printf '  "/?from=%s&to=%s&group=week",\n' "$(date -u -d "$(( 365 - i % 200 )) days ago" +%F)" "$today" ;;
    esac
  done
  echo '}'
  echo 'local cookies = {'
  for u in 1 2 3 4; do printf '  "%s",\n' "$(user_cookie "$u")"; done
  echo '}'
  # wrk's connections each run this script in a thread of their own: a connection keeps one user.
  cat <<'LUA'
local n = 0
local me = nil
request = function()
  n = n + 1
  if me == nil then me = cookies[math.random(#cookies)] end
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = me })
end
LUA
} > "$heavy_lua"
echo "==> The bot's turn while 16 heavy dashboard requests run at once (${bot_seconds} s)"
wrk -t2 -c16 -d"$((bot_seconds + 4))s" -s "$heavy_lua" "$base" > "$data/wrk-heavy.txt" 2>&1 &
heavy_pid=$!
sleep 2
bot_loaded=$(bot_turn)
wait "$heavy_pid" || true
heavy_total=$(awk '/requests in/ { print $1 }' "$data/wrk-heavy.txt")
heavy_refused=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$data/wrk-heavy.txt"); heavy_refused=${heavy_refused:-0}
bot_ratio=$(awk "BEGIN { if ($bot_idle + 0 > 0) printf \"%.2f\", $bot_loaded / $bot_idle; else print \"?\" }")
echo "    idle $bot_idle ms, loaded $bot_loaded ms, ratio $bot_ratio ($heavy_total heavy requests, $heavy_refused not 2xx)"

# --- a fresh app, no warm-up: 32 users over every list and report page ---------------------------------------------
cold_lua="$data/cold-mix.lua"
{
  echo 'local cookies = {'
  for u in $(seq 1 32); do printf '  "%s",\n' "$(user_cookie "$u")"; done
  echo '}'
  echo 'local paths = {'
  for i in $(seq 1 100); do
    next_word; search="/sessions?q=$next&from=$year_from&to=$today"
    next_name; clients="/clients?q=$next"
    for path in '/' '/?range=90d' '/sessions' "$search" '/clients' "$clients" \
      '/clients?due=1' '/wishlist' '/retention' '/audit' '/escalations' '/alerts'; do printf '  "%s",\n' "$path"; done
  done
  echo '}'
  cat <<'LUA'
-- Each request as the next user, each thread from its own half of them: 32 users with one page open at a time each
-- (a user's own concurrent pages would meet Dashboard__HeavyRequestsPerUser, which is not what this run measures).
local threads = 0
setup = function(thread) thread:set("offset", threads * 16); threads = threads + 1 end
offset = 0
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookies[((n + offset) % #cookies) + 1] })
end
LUA
} > "$cold_lua"
stop_app
start_app
cold_seconds=${BENCH_MIX_SECONDS:-20}
echo "==> A fresh app, no warm-up: 32 users over every list and report page for ${cold_seconds} s (wrk)"
wrk -t2 -c32 -d"${cold_seconds}s" --latency -s "$cold_lua" "$base" > "$data/wrk-cold.txt" 2>&1 || true
cold_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$data/wrk-cold.txt")
cold_p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$data/wrk-cold.txt")")
cold_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$data/wrk-cold.txt")")
cold_non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$data/wrk-cold.txt"); cold_non2xx=${cold_non2xx:-0}
cold_socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$data/wrk-cold.txt"); cold_socket=${cold_socket:-0}
cold_errors=$((cold_non2xx + cold_socket))
cold_memory=$(peak_memory)
echo "    $cold_rps requests/s, p50 $cold_p50 ms, p99 $cold_p99 ms, $cold_errors errors, peak memory $cold_memory MB"

# --- its section of the report ----------------------------------------------------------------------------------------
section="$data/bounded-section.md"
{
  echo "<!-- bounded-work: written by build/lib/bench-bounded.sh -->"
  echo "## Bounded work"
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), scale $scale, commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`. Machine load while it ran (\`uptime\`): $(uptime | sed 's/.*load average/load average/')."
  echo "The machine is shared (2 cores, other builds and tests running): the figures are noisy, compare them within one run."
  echo
  echo "Uncached: the app with \`Dashboard__ReportCacheSeconds=0\`, $bounded_requests requests per page after 20 to warm its code, server-side"
  echo "ms from the app's request log; \`sessions_search_366d\` and \`clients_search\` use a new word each request, \`retention_new_range\` a new range."
  echo "Targets: a salon's page ≤ 50 ms at scale 1 (at scale 10 within 2× its scale-1 figure), an all-salons page ≤ 250 ms at scale 10,"
  echo "a free-text search over 366 days ≤ 50 ms at scale 10."
  echo
  echo "| scope | page | p50 ms | p95 ms | target ms | not 200 |"
  echo "|---|---|---:|---:|---:|---:|"
  for row in "${uncached_rows[@]}"; do
    # shellcheck disable=SC2086
    set -- $row
    echo "| $1 | $2 | $3 | $4 | $5 | $6 |"
  done
  echo
  echo "The bot's turn (pgbench, one client, ${bot_seconds} s: insert a message, read the dialog's last 20 messages and the client's last 5"
  echo "dialogs, rolled back): idle **$bot_idle ms**, while 16 heavy dashboard requests run at once (4 admins × 4, uncached, new words and"
  echo "ranges; $heavy_total requests, $heavy_refused not 2xx) **$bot_loaded ms**: **ratio $bot_ratio** (target ≤ 1.5)."
  echo
  echo "A fresh app with no warm-up, reuse on: 32 users, each signed in on its own, over \`/\`, \`/?range=90d\`, \`/sessions\`, a new"
  echo "sessions search over 366 days, \`/clients\`, a new client search, \`/clients?due=1\`, \`/wishlist\`, \`/retention\`, \`/audit\`,"
  echo "\`/escalations\`, \`/alerts\` for ${cold_seconds} s: **$cold_rps requests/s**, p50 $cold_p50 ms, **p99 $cold_p99 ms** (target ≤ 100 ms),"
  echo "**$cold_errors errors** (target 0), peak memory **$cold_memory MB** (target ≤ 300 MB)."
  echo "<!-- /bounded-work -->"
} > "$section"
if [ -f "$report" ] && grep -q '<!-- bounded-work' "$report"; then
  awk -v f="$section" '/<!-- bounded-work/ { while ((getline l < f) > 0) print l; skip = 1; next } /<!-- \/bounded-work -->/ { skip = 0; next } !skip' "$report" > "$report.tmp"
  mv "$report.tmp" "$report"
else
  { [ -f "$report" ] && echo; cat "$section"; } >> "$report"
fi
echo "wrote the bounded-work section of $report"
for row in "${uncached_rows[@]}"; do
  # shellcheck disable=SC2086
  set -- $row
  echo "BENCH name=uncached_$1_$2 p50_ms=$3 p95_ms=$4 floor_ms=$5 ratio=$(awk "BEGIN { if ($4 + 0 > 0) printf \"%.2f\", $4 / $5; else print \"?\" }")"
done
echo "BENCH name=bot_turn_under_heavy_load p50_ms=$bot_loaded p95_ms=$bot_loaded floor_ms=$bot_idle ratio=$bot_ratio"
echo "BENCH name=fresh_app_every_page_32_users p50_ms=$cold_p50 p95_ms=$cold_p99 floor_ms=100 ratio=$(awk "BEGIN { printf \"%.2f\", ($cold_p99 + 0) / 100 }") rps=$cold_rps errors=$cold_errors memory_mb=$cold_memory"
