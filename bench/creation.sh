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
WAIT_SECONDS=120
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
source bench/lib.sh

bench_start   # migrates and, on an empty database, seeds the demo county
bench_stop
SECONDS=0
if [[ "${DATABASE_URL:-}" != postgres* ]] || [[ "$(psql "$DATABASE_URL" -XAtq -c "SELECT count(*) FROM regions WHERE code LIKE '2290%'")" == 0 ]]; then
    "$BIN" seed --scale province 2>&1 | tail -n 1
fi
"$BIN" seed --creation-years "$YEARS" 2>&1 | tail -n 1
echo "seeding: ${SECONDS}s"
bench_start
bench_login
baseline=$(bench_run healthz /healthz)
echo "$baseline"
county=229001   # the first benchmark county: 94 items, YEARS years of evidence and reports
bench_scenarios "$baseline" \
    "api-forecast-benchmark-county|/api/v1/creation/forecast?regionCode=$county|auth" \
    "page-board-benchmark-county|/creation?regionCode=$county|page" \
    "api-indicators-benchmark-county|/api/v1/creation/indicators?regionCode=$county&limit=200|auth" \
    "api-units-benchmark-county|/api/v1/creation/units?regionCode=$county|auth" \
    "page-item-with-history|/creation/indicators/3.2?regionCode=$county|page" \
    "api-forecast-demo-county|/api/v1/creation/forecast?regionCode=222499|auth" \
    "page-board-demo-county|/creation?regionCode=222499|page"
