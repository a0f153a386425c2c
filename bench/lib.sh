# Shared by the benchmark scripts (sourced, not run): the release server on loopback in a temporary
# data folder, logging in as the demo `admin`, and one wrk run printed as a RESULT line.
#
# The sourcing script sets PORT (and may set BIN, WAIT_SECONDS) before calling these; it gets DATA
# (removed on exit), SERVER, and from bench_login: token, session, auth=(…) and page=(…) headers.

PASSWORD="${PASSWORD:-Bench-Pass-2026!}"
BIN="${BIN:-.build/release/shian}"
[[ -x "$BIN" ]] || swift build -c release --product shian
DATA=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export SHIAN_DATA_DIR="$DATA" SHIAN_DEMO_PASSWORD="$PASSWORD" LOG_LEVEL=warning SHIAN_PUBLIC_RATE_LIMIT=0

bench_start() {
    "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 $(( ${WAIT_SECONDS:-60} * 5 ))); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
    echo "server did not start" >&2; cat "$DATA/server.log" >&2; exit 1
}

bench_stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }

# A bearer token and a browser session for the demo administrator (scope: the whole province).
bench_login() {
    token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
    local jar="$DATA/cookies" csrf
    curl -fs -c "$jar" "http://127.0.0.1:$PORT/login" -o "$DATA/login.html"
    csrf=$(grep -o 'name="csrfToken" value="[^"]*"' "$DATA/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
    curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$PORT/login" \
        --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "csrfToken=$csrf"
    session=$(awk '$6 == "shian_session" { print $7 }' "$jar")
    auth=(-H "Authorization: Bearer $token")
    page=(-H "Cookie: shian_session=$session")
}

# bench_run NAME PATH [wrk options…]: one scenario for DURATION seconds over CONNECTIONS connections.
bench_run() {
    local name=$1 path=$2; shift 2
    local threads=$(( ${CONNECTIONS:-1} < 2 ? 1 : 2 ))
    echo "$name $(wrk -t"$threads" -c"${CONNECTIONS:-1}" -d"${DURATION:-10}s" -s bench/p95.lua "$@" "http://127.0.0.1:$PORT$path" | grep '^RESULT')"
}

# bench_scenarios BASELINE_LINE "name|path|auth|page|none" …: each scenario with its ratio to the baseline's rate.
bench_scenarios() {
    local base_rps line rps name path kind
    base_rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$1"); shift
    for scenario in "$@"; do
        IFS='|' read -r name path kind <<<"$scenario"
        [[ -n "${ONLY:-}" && $name != *${ONLY}* ]] && continue
        case $kind in
            auth) line=$(bench_run "$name" "$path" "${auth[@]}") ;;
            page) line=$(bench_run "$name" "$path" "${page[@]}") ;;
            *) line=$(bench_run "$name" "$path") ;;
        esac
        rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")
        echo "$line ratio=$(python3 -c "print(f'{$rps / $base_rps:.3f}')")"
    done
}
