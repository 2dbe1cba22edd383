# Local PostgreSQL helpers for build/run.sh and build/bench.sh (sourced, not run).
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (install the postgresql package)." >&2; return 1; }
  echo "$dir"
}

as_cluster_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_cluster_start DATA_DIR PORT — initialises the cluster on first use, then starts it (idempotent).
pg_cluster_start() {
  local data=$1 port=$2 bin
  bin=$(pg_bin_dir) || return 1
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; chmod 700 "$data"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "==> Creating a PostgreSQL cluster in $data"
    as_cluster_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_cluster_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken by another process; set AGENTP_PG_PORT to a free port." >&2
    return 1
  fi
  echo "==> Starting PostgreSQL on 127.0.0.1:$port"
  as_cluster_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data" start >/dev/null
}

# pg_cluster_stop DATA_DIR — stops the cluster when it runs (idempotent).
pg_cluster_stop() {
  local data=$1 bin
  bin=$(pg_bin_dir) || return 1
  if as_cluster_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "==> Stopping PostgreSQL ($data)"
    as_cluster_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
}

# pg_owner_psql DATA_DIR PORT DB [psql args…] — psql as the database owner over the cluster's socket. Warnings and
# errors only: the scripts are safe to run again, and their "already exists, skipping" notices are no news.
pg_owner_psql() {
  local data=$1 port=$2 db=$3; shift 3
  as_cluster_owner env PGOPTIONS="-c client_min_messages=warning" \
    "$(pg_bin_dir)/psql" -X -q -h "$data" -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 "$@"
}

# prepare_local_database DATA_DIR PORT DB — the database with the bot's schema and the app role (password in
# ./.data/secrets.env, made once). Exports APP_DB_PASSWORD. The owner does this, never the app.
prepare_local_database() {
  local data=$1 port=$2 db=$3 secrets
  secrets="$(dirname "$data")/secrets.env"
  if [ ! -f "$secrets" ]; then
    (umask 077; {
      echo "APP_DB_PASSWORD=$(openssl rand -hex 16)"
      echo "DEMO_SUPER_ADMIN_PASSWORD=$(openssl rand -base64 12 | tr -dc 'A-Za-z0-9')7"
      echo "DEMO_ADMIN_PASSWORD=$(openssl rand -base64 12 | tr -dc 'A-Za-z0-9')7"
    } > "$secrets")
  fi
  # shellcheck disable=SC1090
  . "$secrets"
  export APP_DB_PASSWORD
  if ! pg_owner_psql "$data" "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    pg_owner_psql "$data" "$port" postgres -c "CREATE DATABASE $db"
  fi
  pg_owner_psql "$data" "$port" "$db" -f - < build/sql/public-schema.sql
  pg_owner_psql "$data" "$port" "$db" -v app_role=agentp_app -v app_password="$APP_DB_PASSWORD" -f - < build/sql/app-role.sql
}
