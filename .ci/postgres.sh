#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for electronic-payments-jdbc's tests and benchmark.
#
#   bash .ci/postgres.sh start   installs PostgreSQL from Debian's packages if missing, starts a
#                                private cluster (data in $EP_PG_DIR, default /tmp/ep-postgres) on
#                                127.0.0.1, port 5432 or the next free one, creates user and database
#                                "ep", writes the connection settings to $EP_PG_DIR/env.sh and prints
#                                them. Idempotent: a cluster already running is reused.
#   bash .ci/postgres.sh stop    stops that cluster (the data directory stays for the next start).
#   bash .ci/postgres.sh env     prints the settings of the running cluster.
#
# Use from a CI script:
#   bash .ci/postgres.sh start >/dev/null && . /tmp/ep-postgres/env.sh
#   trap 'bash .ci/postgres.sh stop' EXIT
#
# EP_PG_FAST=1 turns fsync and synchronous commit off (quicker tests, not crash-safe).
set -euo pipefail

DIR=${EP_PG_DIR:-/tmp/ep-postgres}
DATA=$DIR/data
ENV_FILE=$DIR/env.sh
DB=ep
USER_NAME=ep
PASSWORD=ep

log() { echo "postgres.sh: $*" >&2; }

bin_dir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

install_if_missing() {
  if [ -z "$(bin_dir)" ]; then
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    local sudo=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
      sudo="sudo -n -E"
    fi
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq postgresql >&2
  fi
}

# Runs a command as the cluster's owner: postgres when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

write_env() {
  cat >"$ENV_FILE" <<ENV
export EP_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$1/$DB'
export EP_POSTGRES_USER='$USER_NAME'
export EP_POSTGRES_PASSWORD='$PASSWORD'
ENV
  chmod 644 "$ENV_FILE"
}

start() {
  install_if_missing
  BIN=$(bin_dir)
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  if running; then
    log "reusing the cluster in $DATA"
    cat "$ENV_FILE"
    return
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  local port=${EP_PG_PORT:-5432}
  while ! port_free "$port"; do port=$((port + 1)); done
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $DIR"
  [ "${EP_PG_FAST:-0}" = 1 ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -o "$opts" -w -t 60 start >&2 \
    || { tail -n 30 "$DIR/server.log" >&2; exit 1; }
  local psql=("$BIN/psql" -h "$DIR" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" != 1 ]; then
    as_owner "${psql[@]}" -c "CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'"
  fi
  if [ "$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    as_owner "${psql[@]}" -c "CREATE DATABASE $DB OWNER $USER_NAME"
  fi
  write_env "$port"
  log "PostgreSQL is up on 127.0.0.1:$port (data in $DATA)"
  cat "$ENV_FILE"
}

stop() {
  BIN=$(bin_dir)
  if [ -n "$BIN" ] && running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) cat "$ENV_FILE" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
