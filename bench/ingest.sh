#!/usr/bin/env bash
# Bulk ingest of trace events through the API (SQLite, the embedded default) against sqlite3
# inserting the same rows raw into a copy of the same table, side by side in one run.
#
#   bench/ingest.sh                 # 200 batches x 50 hops = 20,000 events in 2 requests
#   BATCHES=1000 HOPS=50 bench/ingest.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18083}"
PASSWORD="Bench-Pass-2026!"
BIN=.build/release/shian
[[ -x "$BIN" ]] || swift build -c release --product shian
DATA=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export SHIAN_DATA_DIR="$DATA" SHIAN_DEMO_PASSWORD="$PASSWORD" LOG_LEVEL=warning
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$PORT/api/v1"
token=$(curl -fs -X POST "$base/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"office\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
user=$(curl -fs "$base/me" "${auth[@]}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
curl -fs "$base/businesses?limit=200" "${auth[@]}" | python3 -c 'import sys,json; print(json.dumps([b["id"] for b in json.load(sys.stdin)["items"]]))' >"$DATA/businesses.json"
importer=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0])' "$DATA/businesses.json")
documents='[{"kind":"inspectionQuarantine","number":"IQ-1","issuer":"海关","issuedOn":"2026-11-01"},{"kind":"nucleicAcidTest","number":"NA-1","issuer":"疾控","issuedOn":"2026-11-01"},{"kind":"disinfection","number":"XD-1","issuer":"疾控","issuedOn":"2026-11-01"}]'
echo "[" >"$DATA/batches.json"
for i in $(seq 1 "${BATCHES:-200}"); do
    [[ $i -gt 1 ]] && echo "," >>"$DATA/batches.json"
    curl -s -X POST "$base/cold-chain/batches" "${auth[@]}" \
        -d "{\"product\":\"冷冻牛腱\",\"batchNumber\":\"ING-$i\",\"quantity\":100,\"unit\":\"CT\",\"originCountry\":\"巴西\",\"importerBusinessId\":\"$importer\",\"documents\":$documents}" \
        | python3 -c 'import sys,json; t=sys.stdin.read(); b=json.loads(t); "id" in b or sys.exit("registration refused: " + t); print(json.dumps({"id": b["id"], "traceCode": b["traceCode"], "importer": b["importerBusinessId"]}))' >>"$DATA/batches.json"
done
echo "]" >>"$DATA/batches.json"
mkdir -p "$DATA/events"
total=$(python3 bench/trace-events.py "$DATA/events" "$DATA/batches.json" "$DATA/businesses.json" "${HOPS:-50}" "$user")

start=$(date +%s.%N)
for file in "$DATA"/events/request-*.json; do
    # No `Expect: 100-continue`: curl would wait a second for a 100 the server never sends.
    code=$(curl -s -o "$DATA/answer.json" -w '%{http_code}' -H 'Expect:' -X POST "$base/cold-chain/events" "${auth[@]}" --data-binary @"$file")
    [[ $code == 201 ]] || { echo "ingest refused ($code): $(head -c 400 "$DATA/answer.json")" >&2; exit 1; }
done
api=$(python3 -c "import time; print(time.time() - $start)")
grep TIMING "$DATA/server.log" | tail -n 12 >&2 || true

sqlite3 "$DATA/shian.sqlite" ".schema trace_events" >"$DATA/schema.sql"
sqlite3 "$DATA/raw.sqlite" <"$DATA/schema.sql"
start=$(date +%s.%N)
sqlite3 "$DATA/raw.sqlite" <"$DATA/events/raw.sql"
raw=$(python3 -c "import time; print(time.time() - $start)")
python3 - "$total" "$api" "$raw" <<'PY'
import sys
total, api, raw = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"events={total} api_seconds={api:.2f} api_rate={total / api:.0f}/s raw_sqlite_seconds={raw:.2f} raw_rate={total / raw:.0f}/s ratio={raw / api:.3f}")
PY
