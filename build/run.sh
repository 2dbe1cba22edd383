#!/usr/bin/env bash
# Runs the dashboard with demo data on a local PostgreSQL: http://localhost:${APP_PORT:-8080}
#
#   ./build/run.sh          build, start the local cluster, load the demo once, serve (Ctrl+C stops the app)
#   ./build/run.sh stop     stop the app (when it runs in the background or another terminal) and the local cluster
#   ./build/run.sh reset    stop the app, drop the demo database, then start as above with fresh demo data
#
# Without ConnectionStrings__Dashboard / DATABASE_URL it starts a cluster under ./.data/ (as user postgres when run as
# root), creates the app role, the bot's schema and deterministic demo data (once), a demo super_admin and salon admin,
# and prints their credentials. Running it again reuses all of it, quietly. It serves on localhost only; APP_URLS (or
# ASPNETCORE_URLS), e.g. APP_URLS=http://0.0.0.0:8080, opens it to the network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. build/lib/pg.sh

export APP_PORT=${APP_PORT:-8080}
if [ -n "${APP_URLS:-}" ]; then
  export ASPNETCORE_URLS=$APP_URLS
elif [ -z "${ASPNETCORE_URLS:-}" ]; then
  export ASPNETCORE_URLS="http://localhost:$APP_PORT"
fi
# Development's detailed error pages only while nobody else can reach them: opened to the network, it runs as Production.
case "$ASPNETCORE_URLS" in
  *0.0.0.0*|*'[::]'*|*'*'*|*'+:'*) default_environment=Production ;;
  *) default_environment=Development ;;
esac
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-$default_environment}
# Reset links are built from this address, never from the request's Host header.
export Dashboard__PublicBaseUrl=${Dashboard__PublicBaseUrl:-http://localhost:$APP_PORT}
data="$root/.data"
port=${AGENTP_PG_PORT:-54329}
pid_file="$data/app.pid"
local_cluster=yes
if [ -n "${ConnectionStrings__Dashboard:-}" ] || [ -n "${DATABASE_URL:-}" ]; then local_cluster=no; fi
mkdir -p "$data"

# The certificate that encrypts the Data Protection keys at rest (README, Configuration): generated once for this
# checkout unless one is configured; every instance on one database needs the same one.
if [ -z "${Dashboard__DataProtectionCertificate:-}" ]; then
  if [ ! -f "$data/data-protection.pfx" ]; then
    echo "==> Generating the Data Protection certificate ($data/data-protection.pfx)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=AgentP data protection" \
      -keyout "$data/data-protection.key" -out "$data/data-protection.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$data/data-protection.key" -in "$data/data-protection.crt" \
      -out "$data/data-protection.pfx" -passout pass:
    rm -f "$data/data-protection.key"
    chmod 600 "$data/data-protection.pfx"
  fi
  export Dashboard__DataProtectionCertificate="$data/data-protection.pfx"
fi

stop_app() {
  local pid
  pid=$(cat "$pid_file" 2>/dev/null || true)
  # Only the process this script started (its command line names the app), never another one that reused the id.
  if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'AgentP.Web'; then
    echo "==> Stopping the dashboard (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pid_file"
}

case "${1:-}" in
  "") ;;
  stop)
    stop_app
    if [ "$local_cluster" = yes ] && [ -f "$data/pg/PG_VERSION" ]; then pg_cluster_stop "$data/pg"; fi
    exit 0 ;;
  reset)
    stop_app
    if [ "$local_cluster" = yes ]; then
      pg_cluster_start "$data/pg" "$port"
      echo "==> Dropping the demo database (fresh demo data follows)"
      pg_owner_psql "$data/pg" "$port" postgres -c "DROP DATABASE IF EXISTS agentp WITH (FORCE)"
    fi ;;
  *) echo "usage: build/run.sh [stop|reset]" >&2; exit 64 ;;
esac

echo "==> Building"
dotnet build src/Web -c Release -nologo -v quiet -clp:ErrorsOnly
# The built app, run from its project folder (its content root), as `dotnet run` would but without a second process.
app_bin="$root/src/Web/bin/Release/net10.0/AgentP.Web"
app() { (cd src/Web && "$app_bin" "$@"); }

if [ "$local_cluster" = yes ]; then
  pg_cluster_start "$data/pg" "$port"

  prepare_local_database "$data/pg" "$port" agentp
  fresh_demo=no
  if [ "$(pg_owner_psql "$data/pg" "$port" agentp -tAc 'SELECT count(*) FROM public.tenants_v2')" = 0 ]; then
    echo "==> Loading demo data (5 salons, 180 days)"
    pg_owner_psql "$data/pg" "$port" agentp -f - < build/sql/demo-data.sql
    fresh_demo=yes
  fi
  export ConnectionStrings__Dashboard="Host=127.0.0.1;Port=$port;Database=agentp;Username=agentp_app;Password=$APP_DB_PASSWORD"

  echo "==> Migrating the dashboard schema"
  app migrate
  if [ "$fresh_demo" = yes ]; then
    # The hourly job would fill these too; doing it now means the Overview has its history at first sight.
    echo "==> Collecting daily metrics of the demo history"
    app collect-metrics --from "$(date -u -d '185 days ago' +%F)" --to "$(date -u -d 'yesterday' +%F)" | tail -n 1
  fi

  salon=$(pg_owner_psql "$data/pg" "$port" agentp -tAc "SELECT id FROM public.tenants_v2 WHERE slug = 'lavanda'")
  has_user() { [ "$(pg_owner_psql "$data/pg" "$port" agentp -tAc "SELECT count(*) FROM dashboard.users WHERE email = '$1'")" != 0 ]; }
  has_user owner@agentp.local || app create-user --email owner@agentp.local --password "$DEMO_SUPER_ADMIN_PASSWORD" --role super_admin --first-name Ольга --last-name Платонова
  if [ -n "$salon" ]; then
    has_user admin@lavanda.local || app create-user --email admin@lavanda.local --password "$DEMO_ADMIN_PASSWORD" --role admin --tenant "$salon" --first-name Вера --last-name Лаврова
  fi
  if [ "$fresh_demo" = yes ]; then
    echo "==> Closing the demo's older escalations (build/sql/demo-cases.sql)"
    pg_owner_psql "$data/pg" "$port" agentp -f - < build/sql/demo-cases.sql
  fi
  cat <<MSG

  Demo sign-in (passwords are kept in .data/secrets.env):
    super_admin   owner@agentp.local    $DEMO_SUPER_ADMIN_PASSWORD
    salon admin   admin@lavanda.local   $DEMO_ADMIN_PASSWORD   (Салон «Лаванда»)

MSG
fi

echo "==> Serving on $ASPNETCORE_URLS (Ctrl+C or ./build/run.sh stop stops it)"
echo $$ > "$pid_file"
cd src/Web
exec "$app_bin"
