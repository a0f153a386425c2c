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
WAIT_SECONDS=60
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
source bench/lib.sh

q() { psql "$DATABASE_URL" -XAtq -c "$1"; }

tables=$(q "SELECT count(*) FROM information_schema.tables WHERE table_name = 'inspections'")
if [[ $tables == 0 ]]; then
    bench_start   # migrates and seeds the demo county
    bench_stop
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
bench_start
bench_login

# The busiest township and its county, and the business with the longest record.
township=$(q "SELECT substr(region_code, 1, 9) FROM inspections GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
county=${township:0:6}
business=$(q "SELECT business_id FROM inspections GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
echo "township=$township county=$county business=$business ($(q "SELECT count(*) FROM inspections WHERE business_id = '$business'") inspections)"

baseline=$(bench_run healthz /healthz)
echo "$baseline"
bench_scenarios "$baseline" \
    "api-overdue-orders-province|/api/v1/rectification-orders?status=overdue&limit=50|auth" \
    "api-overdue-orders-county|/api/v1/rectification-orders?status=overdue&regionCode=$county&limit=50|auth" \
    "api-overdue-orders-township|/api/v1/rectification-orders?status=overdue&regionCode=$township&limit=50|auth" \
    "page-overdue-orders-county|/rectification-orders?status=overdue&regionCode=$county|page" \
    "api-businesses-overdue-for-inspection-township|/api/v1/businesses?inspectionOverdue=true&regionCode=$township&limit=50|auth" \
    "api-metrics-township|/api/v1/inspection-metrics?regionCode=$township|auth" \
    "api-metrics-county|/api/v1/inspection-metrics?regionCode=$county|auth" \
    "api-metrics-province|/api/v1/inspection-metrics?regionCode=${county:0:2}|auth" \
    "page-business|/businesses/$business|page" \
    "api-business-rating-public|/api/v1/public/businesses/$business/rating|none"
