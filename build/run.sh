#!/usr/bin/env bash
# Runs the dashboard with demo data on a local PostgreSQL: http://localhost:${APP_PORT:-8080}
#
# Without ConnectionStrings__Dashboard / DATABASE_URL it starts a cluster under ./.data/ (as user postgres
# when run as root), creates the app role, the bot's schema and deterministic demo data (once), a demo
# super_admin and salon admin, and prints their credentials. Running it again reuses all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. build/lib/pg.sh

export APP_PORT=${APP_PORT:-8080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Reset links are built from this address, never from the request's Host header.
export Dashboard__PublicBaseUrl=${Dashboard__PublicBaseUrl:-http://localhost:$APP_PORT}
data="$root/.data"
mkdir -p "$data"

echo "==> Building"
dotnet build src/Web -c Release -nologo -v quiet -clp:ErrorsOnly
app() { dotnet run --no-build -c Release --project src/Web -- "$@"; }

if [ -z "${ConnectionStrings__Dashboard:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
  port=${AGENTP_PG_PORT:-54329}
  pg_cluster_start "$data/pg" "$port"

  prepare_local_database "$data/pg" "$port" agentp
  fresh_demo=no
  if [ "$(pg_owner_psql "$data/pg" "$port" agentp -tAc 'SELECT count(*) FROM public.tenants_v2')" = 0 ]; then
    echo "==> Loading demo data (3 salons, 90 days)"
    pg_owner_psql "$data/pg" "$port" agentp -f - < build/sql/demo-data.sql
    fresh_demo=yes
  fi
  export ConnectionStrings__Dashboard="Host=127.0.0.1;Port=$port;Database=agentp;Username=agentp_app;Password=$APP_DB_PASSWORD"

  echo "==> Migrating the dashboard schema"
  app migrate
  if [ "$fresh_demo" = yes ]; then
    # The hourly job would fill these too; doing it now means the Overview has its history at first sight.
    echo "==> Collecting daily metrics of the demo history"
    app collect-metrics --from "$(date -u -d '95 days ago' +%F)" --to "$(date -u -d 'yesterday' +%F)"
  fi

  salon=$(pg_owner_psql "$data/pg" "$port" agentp -tAc "SELECT id FROM public.tenants_v2 WHERE slug = 'lavanda'")
  has_user() { [ "$(pg_owner_psql "$data/pg" "$port" agentp -tAc "SELECT count(*) FROM dashboard.users WHERE email = '$1'")" != 0 ]; }
  has_user owner@agentp.local || app create-user --email owner@agentp.local --password "$DEMO_SUPER_ADMIN_PASSWORD" --role super_admin --first-name Платформа
  if [ -n "$salon" ]; then
    has_user admin@lavanda.local || app create-user --email admin@lavanda.local --password "$DEMO_ADMIN_PASSWORD" --role admin --tenant "$salon" --first-name Вера --last-name Лаврова
  fi
  cat <<MSG

  Demo sign-in (passwords are kept in .data/secrets.env):
    super_admin   owner@agentp.local    $DEMO_SUPER_ADMIN_PASSWORD
    salon admin   admin@lavanda.local   $DEMO_ADMIN_PASSWORD   (Салон «Лаванда»)

MSG
fi

echo "==> Serving on http://localhost:$APP_PORT (Ctrl+C stops)"
exec dotnet run --no-build -c Release --project src/Web
