#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for tests and benchmarks.
#
#   url=$(bash scripts/setup-postgres.sh)      # prints postgresql://sitrep@127.0.0.1:PORT/sitrep
#   ... SITREP_TEST_POSTGRES_URL="$url" pytest tests/store/test_store_postgres.py
#   bash scripts/setup-postgres.sh --stop DIR   # DIR is printed on stderr at start
#
# Installs Debian's postgresql with apt-get when no initdb is found and we are root.
# The cluster lives in a fresh temporary folder (or $SITREP_PG_DIR), trusts local
# connections, listens on 127.0.0.1 only, on a free port (or $SITREP_PG_PORT), and runs
# with fsync off: it is for tests, never for data you want to keep. As root, the server
# runs as the `postgres` user (initdb refuses root). Only the URL goes to stdout.
set -euo pipefail

log() { echo "setup-postgres: $*" >&2; }

find_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    done
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

BINDIR="$(find_bindir || true)"

if [ "${1:-}" = "--stop" ]; then
    dir="${2:?give the folder that setup-postgres.sh printed}"
    as_owner=()
    [ "$(id -u)" = 0 ] && as_owner=(runuser -u "$(stat -c %U "$dir/data")" --)
    "${as_owner[@]}" "$BINDIR/pg_ctl" -D "$dir/data" -m immediate stop >&2
    rm -rf "$dir"
    exit 0
fi

if [ -z "$BINDIR" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "no PostgreSQL found; installing Debian's postgresql"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        BINDIR="$(find_bindir || true)"
    fi
    if [ -z "$BINDIR" ]; then
        log "no PostgreSQL server binaries (initdb) found; install postgresql (apt-get install postgresql) and run again"
        exit 1
    fi
fi

PORT="${SITREP_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
DIR="${SITREP_PG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX")}"
mkdir -p "$DIR"

run_as=()
if [ "$(id -u)" = 0 ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    chown "$user" "$DIR"
    chmod 700 "$DIR"
    run_as=(runuser -u "$user" --)
fi

"${run_as[@]}" "$BINDIR/initdb" -D "$DIR/data" -U sitrep --auth=trust -E UTF8 --no-locale \
    --no-sync >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2
    log "initdb failed"
    exit 1
}
"${run_as[@]}" "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || {
    cat "$DIR/server.log" >&2
    log "the server did not start"
    exit 1
}
"${run_as[@]}" "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U sitrep sitrep >&2

log "server in $DIR (log $DIR/server.log); stop it with: bash $0 --stop $DIR"
echo "postgresql://sitrep@127.0.0.1:$PORT/sitrep"
