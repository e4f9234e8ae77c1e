#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the tests (sourced by .ci/run; usable by hand).
#   source .ci/postgres.sh && pg_test_start   -> exports DUBAO_TEST_PG_URL
#     and, for the password prompt's tests, DUBAO_TEST_PG_PASSWORD_URL (a role the server asks a
#     password of; the URL carries none) and DUBAO_TEST_PG_PASSWORD (made up for this server)
#   pg_test_stop                              -> stops the server and removes its folder
# Installs the Debian package `postgresql` when its programs are missing (needs root and apt-get).
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (made by the
# package) or `nobody`.

pg_test_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_test_start() {
  local bindir runas port
  if ! bindir=$(pg_test_bindir); then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bindir=$(pg_test_bindir) || { echo "PostgreSQL is not installed (Debian package postgresql)" >&2; return 1; }
  fi
  PG_TEST_DIR=$(mktemp -d /tmp/dubao-pg.XXXXXX)
  runas=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id -u "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_TEST_DIR"
    runas=(runuser -u "$user" --)
  fi
  # A free port: the first of 54329.. that nothing listens on.
  port=54329
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  "${runas[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U dubao --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # One role logs in with a password (the first matching line wins); every other role is trusted.
  "${runas[@]}" sed -i '1i host all dubao_pw 127.0.0.1/32 scram-sha-256' "$PG_TEST_DIR/data/pg_hba.conf"
  "${runas[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  "${runas[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U dubao dubao_test
  local password
  password=$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')
  "${runas[@]}" "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U dubao -d dubao_test \
    -c "CREATE ROLE dubao_pw LOGIN PASSWORD 'pw$password'" -c "GRANT CREATE ON DATABASE dubao_test TO dubao_pw" >/dev/null
  export DUBAO_TEST_PG_PASSWORD_URL="postgresql://dubao_pw@127.0.0.1:$port/dubao_test"
  export DUBAO_TEST_PG_PASSWORD="pw$password"
  PG_TEST_RUNAS=("${runas[@]}")
  PG_TEST_BINDIR=$bindir
  export DUBAO_TEST_PG_URL="postgresql://dubao@127.0.0.1:$port/dubao_test"
  echo "PostgreSQL test server: $DUBAO_TEST_PG_URL"
}

pg_test_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_RUNAS[@]}" "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=
}
