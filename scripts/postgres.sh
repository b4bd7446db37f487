#!/usr/bin/env bash
# A throwaway PostgreSQL server for the collector's tests: Debian's
# packages (installed by scripts/setup.sh), a scratch data directory, a
# loopback port, trust authentication for the `postgres` user.
#
# Usage: bash scripts/postgres.sh start|stop|url
#   start  initialise and start the server (again if it was left running);
#          prints the URL for SUARA_TEST_POSTGRES on its last line
#   stop   stop it and delete its data directory
#   url    print the URL
# The port is SUARA_PG_PORT (default 55432); the data lives in
# ${TMPDIR:-/tmp}/suara-postgres-PORT.
set -euo pipefail
LOG_TAG=postgres
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${SUARA_PG_PORT:-55432}"
DATA="${TMPDIR:-/tmp}/suara-postgres-$PORT"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

bin_dir() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)
  [[ -n "$dir" && -x "$dir/initdb" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql: run bash scripts/setup.sh (it installs Debian's postgresql)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: run its tools as the `postgres` user
# the Debian package creates.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user: is Debian's postgresql package installed?"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin=$(bin_dir)
  if [[ -f "$DATA/postmaster.pid" ]] && as_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "already running on port $PORT"
    echo "$URL"
    return
  fi
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  as_pg "$bin/initdb" -D "$DATA" -U postgres --auth=trust --no-instructions >"$DATA.initdb.log" 2>&1 \
    || { cat "$DATA.initdb.log"; die "initdb failed"; }
  # fsync stays on (the default): the crash test relies on it as a real server would.
  as_pg "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$DATA/server.log" 2>/dev/null; die "PostgreSQL did not start on port $PORT (is the port taken? set SUARA_PG_PORT)"; }
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DATA"
  echo "$URL"
}

stop() {
  local bin
  bin=$(bin_dir)
  if [[ -f "$DATA/postmaster.pid" ]]; then
    as_pg "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || warn "pg_ctl stop failed"
    log "stopped the server on port $PORT"
  fi
  rm -rf "$DATA" "$DATA.initdb.log"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  -h | --help) usage ;;
  *) usage; exit 1 ;;
esac
