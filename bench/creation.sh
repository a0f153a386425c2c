#!/usr/bin/env bash
# The creation board and the forecast (issue 5) at scale: the demo county, plus a province of 100
# benchmark counties each running a creation campaign with YEARS years (default 5) of evidence,
# recorded figures, showcase projects and township reports (`shian seed --scale province
# --creation-years`). Drives each scenario with wrk and prints one line per scenario like
# bench/run.sh, with its ratio to /healthz.
#
#   bench/creation.sh                                   # SQLite, a fresh data folder
#   DATABASE_URL=postgres://… bench/creation.sh         # PostgreSQL (seeded once, then reused)
#
# Needs wrk. Builds the release binary if it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-1}"
YEARS="${YEARS:-5}"
PORT="${PORT:-18082}"
PASSWORD="Bench-Pass-2026!"
BIN="${BIN:-.build/release/shian}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -x "$BIN" ]] || swift build -c release --product shian

DATA=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export SHIAN_DATA_DIR="$DATA" SHIAN_DEMO_PASSWORD="$PASSWORD" LOG_LEVEL=warning SHIAN_PUBLIC_RATE_LIMIT=0

start() {
    "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
    echo "server did not start" >&2; cat "$DATA/server.log" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }

start   # migrates and, on an empty database, seeds the demo county
stop
SECONDS=0
if [[ "${DATABASE_URL:-}" != postgres* ]] || [[ "$(psql "$DATABASE_URL" -XAtq -c "SELECT count(*) FROM regions WHERE code LIKE '2290%'")" == 0 ]]; then
    "$BIN" seed --scale province 2>&1 | tail -n 1
fi
"$BIN" seed --creation-years "$YEARS" 2>&1 | tail -n 1
echo "seeding: ${SECONDS}s"
start

token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
jar="$DATA/cookies"
curl -fs -c "$jar" "http://127.0.0.1:$PORT/login" -o "$DATA/login.html"
csrf=$(grep -o 'name="csrfToken" value="[^"]*"' "$DATA/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$PORT/login" \
    --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "csrfToken=$csrf"
session=$(awk '$6 == "shian_session" { print $7 }' "$jar")

run() {
    local name=$1 path=$2; shift 2
    local line
    line=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/p95.lua "$@" "http://127.0.0.1:$PORT$path" | grep '^RESULT')
    echo "$name $line"
}
auth=(-H "Authorization: Bearer $token")
page=(-H "Cookie: shian_session=$session")
baseline=$(run healthz /healthz)
echo "$baseline"
base_rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$baseline")
county=229001   # the first benchmark county: 94 items, YEARS years of evidence and reports
for scenario in \
    "api-forecast-benchmark-county|/api/v1/creation/forecast?regionCode=$county|auth" \
    "page-board-benchmark-county|/creation?regionCode=$county|page" \
    "api-indicators-benchmark-county|/api/v1/creation/indicators?regionCode=$county&limit=200|auth" \
    "api-units-benchmark-county|/api/v1/creation/units?regionCode=$county|auth" \
    "page-item-with-history|/creation/indicators/3.2?regionCode=$county|page" \
    "api-forecast-demo-county|/api/v1/creation/forecast?regionCode=222499|auth" \
    "page-board-demo-county|/creation?regionCode=222499|page"; do
    IFS='|' read -r name path kind <<<"$scenario"
    [[ -n "${ONLY:-}" && $name != *${ONLY}* ]] && continue
    case $kind in
        auth) line=$(run "$name" "$path" "${auth[@]}") ;;
        *) line=$(run "$name" "$path" "${page[@]}") ;;
    esac
    rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")
    echo "$line ratio=$(python3 -c "print(f'{$rps / $base_rps:.3f}')")"
done
