#!/usr/bin/env bash
# The closed loop at scale on PostgreSQL: a province of businesses, INSPECTIONS inspections (10
# million by default) with three findings each, then the overdue lists, the business page and the
# township and county figures under wrk. Prints one line per scenario like bench/run.sh.
#
#   scripts/with-postgres.sh bash -c 'DATABASE_URL=$SHIAN_TEST_POSTGRES_URL bench/inspections.sh'
#   INSPECTIONS=1000000 BUSINESSES=100000 ...   # a smaller run
#
# Needs wrk and psql. Builds the release binary if it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[[ "${DATABASE_URL:-}" == postgres* ]] || { echo "set DATABASE_URL to a PostgreSQL database" >&2; exit 1; }
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-1}"
PORT="${PORT:-18081}"
PASSWORD="Bench-Pass-2026!"
BIN=.build/release/shian
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -x "$BIN" ]] || swift build -c release --product shian

DATA=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export SHIAN_DATA_DIR="$DATA" SHIAN_DEMO_PASSWORD="$PASSWORD" LOG_LEVEL=warning

start() {
    "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
    echo "server did not start" >&2; cat "$DATA/server.log" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
q() { psql "$DATABASE_URL" -XAtq -c "$1"; }

tables=$(q "SELECT count(*) FROM information_schema.tables WHERE table_name = 'inspections'")
if [[ $tables == 0 ]]; then
    start   # migrates and seeds the demo county
    stop
fi
if [[ "$(q 'SELECT count(*) FROM businesses')" -lt "${BUSINESSES:-1000000}" ]]; then
    "$BIN" seed --scale province --businesses "${BUSINESSES:-1000000}" 2>&1 | tail -n 2
fi
if [[ "$(q 'SELECT count(*) FROM inspections')" -lt "${INSPECTIONS:-10000000}" ]]; then
    SECONDS=0
    psql "$DATABASE_URL" -Xq -v inspections="${INSPECTIONS:-10000000}" -f bench/inspections-pg.sql
    echo "bulk load: ${SECONDS}s"
    SECONDS=0
    "$BIN" jobs recount 2>&1 | tail -n 1
    echo "recount of the running figures: ${SECONDS}s"
fi
start

token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
jar="$DATA/cookies"
curl -fs -c "$jar" "http://127.0.0.1:$PORT/login" -o "$DATA/login.html"
csrf=$(grep -o 'name="csrfToken" value="[^"]*"' "$DATA/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$PORT/login" \
    --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "csrfToken=$csrf"
session=$(awk '$6 == "shian_session" { print $7 }' "$jar")

# The busiest township and its county, and the business with the longest record.
township=$(q "SELECT substr(region_code, 1, 9) FROM inspections GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
county=${township:0:6}
business=$(q "SELECT business_id FROM inspections GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
echo "township=$township county=$county business=$business ($(q "SELECT count(*) FROM inspections WHERE business_id = '$business'") inspections)"

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
for scenario in \
    "api-overdue-orders-province|/api/v1/rectification-orders?status=overdue&limit=50|auth" \
    "api-overdue-orders-county|/api/v1/rectification-orders?status=overdue&regionCode=$county&limit=50|auth" \
    "api-overdue-orders-township|/api/v1/rectification-orders?status=overdue&regionCode=$township&limit=50|auth" \
    "page-overdue-orders-county|/rectification-orders?status=overdue&regionCode=$county|page" \
    "api-businesses-overdue-for-inspection-township|/api/v1/businesses?inspectionOverdue=true&regionCode=$township&limit=50|auth" \
    "api-metrics-township|/api/v1/inspection-metrics?regionCode=$township|auth" \
    "api-metrics-county|/api/v1/inspection-metrics?regionCode=$county|auth" \
    "api-metrics-province|/api/v1/inspection-metrics?regionCode=${county:0:2}|auth" \
    "page-business|/businesses/$business|page" \
    "api-business-rating-public|/api/v1/public/businesses/$business/rating|none"; do
    IFS='|' read -r name path kind <<<"$scenario"
    [[ -n "${ONLY:-}" && $name != *${ONLY}* ]] && continue
    case $kind in
        auth) line=$(run "$name" "$path" "${auth[@]}") ;;
        page) line=$(run "$name" "$path" "${page[@]}") ;;
        *) line=$(run "$name" "$path") ;;
    esac
    rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")
    echo "$line ratio=$(python3 -c "print(f'{$rps / $base_rps:.3f}')")"
done
