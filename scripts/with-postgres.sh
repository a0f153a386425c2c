#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server for the integration tests.
#
#   scripts/with-postgres.sh CMD ARGS...
#
# If SHIAN_TEST_POSTGRES_URL is already set, the command simply runs against that server.
# Otherwise this starts a private server from the machine's PostgreSQL binaries
# (/usr/lib/postgresql/<highest version>/bin) in a temporary folder, on 127.0.0.1 at port
# 54329 (or the next free one; SHIAN_TEST_POSTGRES_PORT chooses another start), creates the
# database `shian_test`, exports
#
#   SHIAN_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/shian_test
#
# runs the command, then always stops the server and removes the folder. The exit code is the
# command's. The `postgres` role is a superuser (trust authentication on loopback), so tests may
# CREATE and DROP their own databases through that URL.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

if [[ -n "${SHIAN_TEST_POSTGRES_URL:-}" ]]; then
    exec "$@"
fi

log() { echo "with-postgres: $*" >&2; }

# --- find the binaries -------------------------------------------------------------------------
pg_bin=""
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    pg_bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
elif command -v initdb >/dev/null 2>&1; then
    pg_bin="$(dirname "$(command -v initdb)")"
else
    log "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH)."
    log "install them with: apt-get install -y postgresql"
    exit 1
fi

# initdb and postgres refuse to run as root: run them as the `postgres` user when we are root,
# and as ourselves otherwise.
if [[ "$(id -u)" -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
        log "running as root but there is no 'postgres' user to run the server as."
        exit 1
    fi
    if command -v runuser >/dev/null 2>&1; then
        as_pg() { (cd / && runuser -u postgres -- "$@"); }
    else
        as_pg() { local q; printf -v q '%q ' "$@"; (cd / && su postgres -s /bin/bash -c "$q"); }
    fi
else
    as_pg() { (cd / && "$@"); }
fi

# --- the temporary cluster ---------------------------------------------------------------------
pg_tmp="$(mktemp -d /tmp/shian-pg.XXXXXX)"
pg_data="$pg_tmp/data"
pg_log="$pg_tmp/server.log"
pg_started=0

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ $pg_started -eq 1 ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || log "could not stop the server in $pg_data"
    fi
    rm -rf "$pg_tmp"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chmod 700 "$pg_tmp"
if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres: "$pg_tmp"
fi

if ! as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --no-locale -E UTF8 \
        >"$pg_tmp/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$pg_tmp/initdb.log" >&2
    exit 1
fi

port_in_use() {
    # A listener answers a connect; nothing listening refuses it.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port="${SHIAN_TEST_POSTGRES_PORT:-54329}"
last_port=$((port + 50))
while :; do
    if [[ $port -gt $last_port ]]; then
        log "no free port found between ${SHIAN_TEST_POSTGRES_PORT:-54329} and $last_port"
        exit 1
    fi
    if port_in_use "$port"; then
        port=$((port + 1))
        continue
    fi
    if as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_tmp -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
        pg_started=1
        break
    fi
    # Lost a race for the port? Try the next one; any other failure is fatal.
    if grep -qiE 'could not (bind|create listen socket)|address already in use' "$pg_log" 2>/dev/null; then
        : >"$pg_log"
        port=$((port + 1))
        continue
    fi
    log "the PostgreSQL server did not start:"
    cat "$pg_log" >&2 || true
    exit 1
done

if ! "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres shian_test 2>"$pg_tmp/createdb.log"; then
    log "createdb shian_test failed:"
    cat "$pg_tmp/createdb.log" >&2
    exit 1
fi

export SHIAN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/shian_test"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (SHIAN_TEST_POSTGRES_URL=$SHIAN_TEST_POSTGRES_URL)"

rc=0
"$@" || rc=$?
exit "$rc"
