#!/usr/bin/env bash
# Latency of the creation board and the forecast (issue 5), one request at a time, on loopback.
# Prints p50/p95 in ms over N requests (default 100) for each scenario, as the demo office.
#
#   bench/creation.sh                         # release build (built if missing)
#   BIN=.build/debug/shian bench/creation.sh  # the debug build, for a quick look
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N="${N:-100}"
PORT="${PORT:-18081}"
PASSWORD="Bench-Pass-2026!"
BIN="${BIN:-.build/release/shian}"
[[ -x "$BIN" ]] || swift build -c release --product shian

DATA=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export SHIAN_DATA_DIR="$DATA" SHIAN_DEMO_PASSWORD="$PASSWORD" LOG_LEVEL=warning SHIAN_PUBLIC_RATE_LIMIT=0

"$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"office\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')

measure() {
    local name=$1 path=$2
    for _ in $(seq 1 "$N"); do
        curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT$path"
    done | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'$name: n={len(t)} p50={t[len(t)//2]:.1f} ms p95={t[int(len(t)*0.95)-1]:.1f} ms')"
}

measure "healthz" "/healthz"
measure "forecast (94 items, metrics of the year)" "/api/v1/creation/forecast"
measure "indicator list (94 items)" "/api/v1/creation/indicators"
measure "units" "/api/v1/creation/units"
