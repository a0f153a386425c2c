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
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
source bench/lib.sh

bench_start   # migrates and seeds the demo county
bench_stop
"$BIN" seed --scale "${SCALE:-province}" --businesses "${BUSINESSES:-100000}" 2>&1 | tail -n 2
bench_start
bench_login
baseline=$(bench_run healthz /healthz)
echo "$baseline"
bench_scenarios "$baseline" \
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
    "page-grids-county|/grids?regionCode=229001|page"
