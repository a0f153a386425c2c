#!/usr/bin/env bash
# Benchmarks of the release server, on loopback only. Prints one line per scenario with requests per
# second, p50/p95/p99 latency in ms, and the ratio to the same server's /healthz.
#
#   bench/run.sh              # county demo + province-scale region tree (100 counties, ~25,000 villages)
#   DURATION=20 bench/run.sh  # longer runs
#
# Needs wrk (apt-get install wrk). Builds the release binary if it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18080}"
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
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
    echo "server did not start" >&2; cat "$DATA/server.log" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }

start   # migrates and seeds the demo county
stop
"$BIN" seed --scale "${SCALE:-province}" --businesses "${BUSINESSES:-100000}" 2>&1 | tail -n 2
start

token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
csrf_jar="$DATA/cookies"
curl -fs -c "$csrf_jar" "http://127.0.0.1:$PORT/login" -o "$DATA/login.html"
csrf=$(grep -o 'name="csrfToken" value="[^"]*"' "$DATA/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$csrf_jar" -c "$csrf_jar" -o /dev/null -X POST "http://127.0.0.1:$PORT/login" \
    --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "csrfToken=$csrf"
session=$(awk '$6 == "shian_session" { print $7 }' "$csrf_jar")

run() {
    local name=$1 path=$2; shift 2
    local line
    line=$(wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"${DURATION}s" -s bench/p95.lua "$@" "http://127.0.0.1:$PORT$path" | grep '^RESULT')
    echo "$name $line"
}

auth=(-H "Authorization: Bearer $token")
page=(-H "Cookie: shian_session=$session")
baseline=$(run healthz /healthz)
echo "$baseline"
base_rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$baseline")
for scenario in \
    "api-list-50|/api/v1/regions?limit=50|auth" \
    "api-children-of-county|/api/v1/regions?parent=229001&limit=50|auth" \
    "api-villages-by-code-prefix|/api/v1/regions?q=2290050&level=village&limit=50|auth" \
    "api-search-by-name|/api/v1/regions?q=%E6%B5%8B%E8%AF%95%E6%9D%9112-1&limit=50|auth" \
    "page-region-province|/regions/22|page" \
    "page-region-county|/regions/229001|page" \
    "page-region-list|/regions?level=village|page" \
    "api-businesses-list-50|/api/v1/businesses?limit=50|auth" \
    "api-businesses-in-county|/api/v1/businesses?regionCode=229001&limit=50|auth" \
    "api-businesses-search-name|/api/v1/businesses?q=%E5%86%B7%E9%9D%A2%E9%A6%8612340&limit=50|auth" \
    "api-businesses-credit-code|/api/v1/businesses?q=91220010MA&limit=50|auth" \
    "api-businesses-expiring|/api/v1/businesses?expiry=within30Days&limit=50|auth" \
    "page-businesses-county|/businesses?regionCode=229001|page" \
    "page-grids-county|/grids?regionCode=229001|page"; do
    IFS='|' read -r name path kind <<<"$scenario"
    [[ -n "${ONLY:-}" && $name != *${ONLY}* ]] && continue
    if [[ $kind == auth ]]; then line=$(run "$name" "$path" "${auth[@]}"); else line=$(run "$name" "$path" "${page[@]}"); fi
    rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")
    echo "$line ratio=$(python3 -c "print(f'{$rps / $base_rps:.3f}')")"
done

# Import: the same rows through the API (one request, validated, in one transaction), then
# inserted raw by sqlite3 into a copy of the schema, for the ratio.
if [[ -n "${IMPORT_ROWS:-100000}" && "${IMPORT_ROWS:-100000}" != 0 ]]; then
    python3 bench/businesses-csv.py "${IMPORT_ROWS:-100000}" >"$DATA/import.csv"
    seconds=$(curl -s -o "$DATA/import.json" -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/api/v1/businesses/import" \
        -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$DATA/import.csv")
    echo "import rows=${IMPORT_ROWS:-100000} seconds=$seconds answer=$(head -c 200 "$DATA/import.json")"
fi
