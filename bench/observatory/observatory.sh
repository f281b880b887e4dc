#!/usr/bin/env bash
# Observatory benchmark: 5,000 schemes, 100,000 memberships (bench/registry/seed.sql) and 100,000
# projects with 200,000 financing lines (seed-projects.sql) on the embedded database, then wrk with 50
# concurrent anonymous clients on each path given (default: the observatory's page and API) and on a
# trivial endpoint (GET /actuator/health, anonymous), reporting p95/p99 and the ratio of each p95 to
# the trivial endpoint's; and the first (uncached) answer of the observatory API on a few dates.
# Writes bench/results/observatory-<timestamp>.txt (git-ignored). See docs/PERFORMANCE.md.
#
# Usage: bash bench/observatory/observatory.sh [--no-build] [path ...]
#   e.g. after 17A's merge: bash bench/observatory/observatory.sh / /public/schemes/1 \
#          '/public/observatory?country=CO&at=2024-06-01' '/api/v1/public/observatory?country=CO&at=2024-06-01'
# Environment: BENCH_KEEP=1 leaves the app and its data for a closer look (EXPLAIN);
#              BENCH_PORT=18082 BENCH_WRK_CONNECTIONS=50 BENCH_WRK_DURATION=20s JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BENCH_PORT:-18082}"
NAME=observatory
CONNECTIONS="${BENCH_WRK_CONNECTIONS:-50}"
DURATION="${BENCH_WRK_DURATION:-20s}"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

BUILD=build
if [[ "${1:-}" == "--no-build" ]]; then BUILD=""; shift; fi
PATHS=("$@")
if ((${#PATHS[@]} == 0)); then
  PATHS=("/public/observatory?country=CO&at=2024-06-01" "/api/v1/public/observatory?country=CO&at=2024-06-01")
fi
TRIVIAL=/actuator/health

bench_prepare "$BUILD"
bench_start
say "importing the territory"
bench_import co-mgn2018-departamentos.geojson:CO_DANE_MGN_DEPARTAMENTOS co-mgn2018-municipios.geojson:CO_DANE_MGN_MUNICIPIOS \
  sv-distritos-2024.geojson:SV_DISTRITOS_2024
say "seeding 5,000 schemes and 100,000 memberships"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga -f "$ROOT/bench/registry/seed.sql"
say "seeding 100,000 projects and 200,000 financing lines"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga -f "$ROOT/bench/observatory/seed-projects.sql"

RESULT="$ROOT/bench/results/observatory-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
{
  echo "Minga observatory benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "wrk: 2 threads, $CONNECTIONS connections, anonymous, $DURATION after 5 s of warm-up"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULT"

say "first answers (nothing cached yet)"
for at in 2015-06-01 2020-06-01 2024-06-01; do
  for country in CO SV; do
    curl -fs -o /dev/null -w "first answer, API $country $at: %{time_total} s\n" \
      "$BASE/api/v1/public/observatory?country=$country&at=$at" | tee -a "$RESULT"
  done
done

P95=()
measure() { # path
  local path="$1" out
  curl -fs -o /dev/null "$BASE$path" || die "GET $path does not answer 200 to an anonymous client"
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/registry/header.lua" "$BASE$path" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$ROOT/bench/registry/header.lua" "$BASE$path")
  local rps p95 p99 errors
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p95=$(awk '/^p95_ms/ { print $2 }' <<<"$out"); p99=$(awk '/^p99_ms/ { print $2 }' <<<"$out")
  errors=$(awk '/^errors/ { print $2 }' <<<"$out")
  P95+=("$p95")
  printf '%-64s p95 %8s ms  p99 %8s ms  %8s req/s  errors %s' "$path" "$p95" "$p99" "$rps" "$errors" | tee -a "$RESULT"
}
measure "$TRIVIAL"; echo "  (trivial endpoint)" | tee -a "$RESULT"
TRIVIAL_P95="${P95[0]}"
for path in "${PATHS[@]}"; do
  measure "$path"
  awk -v p="${P95[-1]}" -v t="$TRIVIAL_P95" 'BEGIN { printf "  ratio %.2f  %s\n", p / t, (p < 100 ? "under 100 ms" : "OVER 100 ms") }' \
    | tee -a "$RESULT"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULT"
say "results in $RESULT"
