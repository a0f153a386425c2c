#!/usr/bin/env bash
# Traceability at scale on PostgreSQL: BATCHES imported batches (3,571,429 by default) of fourteen
# events each (50 million events: intake, six ship/receive hops, a sale) and CERTIFICATES produce
# certificates (10 million), on top of bench/inspections.sh's province of businesses. Then the
# public trace look-up (API and page) and the certificate look-up, each over 1,000 random codes.
#
#   scripts/with-postgres.sh bash -c 'DATABASE_URL=$SHIAN_TEST_POSTGRES_URL bench/trace.sh'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[[ "${DATABASE_URL:-}" == postgres* ]] || { echo "set DATABASE_URL to a PostgreSQL database" >&2; exit 1; }
DURATION="${DURATION:-10}"
PORT="${PORT:-18082}"
WAIT_SECONDS=60
source bench/lib.sh
q() { psql "$DATABASE_URL" -XAtq -c "$1"; }

bench_start   # migrates (and seeds the demo county into an empty database)
bench_stop
if [[ "$(q 'SELECT count(*) FROM businesses')" -lt "${BUSINESSES:-1000000}" ]]; then
    "$BIN" seed --scale province --businesses "${BUSINESSES:-1000000}" 2>&1 | tail -n 2
fi
if [[ "$(q "SELECT count(*) FROM cold_chain_batches WHERE batch_number LIKE 'B%'")" == 0 ]]; then
    SECONDS=0
    psql "$DATABASE_URL" -Xq -v batches="${BATCHES:-3571429}" -v certificates="${CERTIFICATES:-10000000}" -f bench/trace-pg.sql
    echo "bulk load: ${SECONDS}s"
fi
bench_start

q "SELECT '/api/v1/trace/' || trace_code FROM cold_chain_batches TABLESAMPLE SYSTEM (1) LIMIT 1000" >"$DATA/trace.txt"
sed 's|/api/v1/trace/|/trace?code=|' "$DATA/trace.txt" >"$DATA/trace-page.txt"
q "SELECT '/api/v1/public/produce-certificates/' || code FROM produce_certificates TABLESAMPLE SYSTEM (1) LIMIT 1000" >"$DATA/certificates.txt"
echo "events=$(q 'SELECT count(*) FROM trace_events') certificates=$(q 'SELECT count(*) FROM produce_certificates')"

run() {
    local name=$1 paths=$2
    echo "$name $(PATHS=$paths wrk -t1 -c1 -d"${DURATION}s" -s bench/rotate.lua "http://127.0.0.1:$PORT" | grep '^RESULT')"
}
bench_run healthz /healthz
run api-trace-6-hops "$DATA/trace.txt"
run page-trace-6-hops "$DATA/trace-page.txt"
run api-certificate-look-up "$DATA/certificates.txt"
