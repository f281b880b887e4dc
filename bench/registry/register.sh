#!/usr/bin/env bash
# Register benchmark: 5,000 schemes and 100,000 memberships on the embedded database, then
#   - wrk on the register's list page (signed-in session) and on GET /api/v1/registry/schemes
#     (HTTP Basic), unfiltered (a middle page) and filtered (country + status + department, and
#     competence), reporting p95/p99;
#   - 50 sequential validations of a 100-member scheme (curl, end to end), median and p95.
# The territory is imported first from the reference territory Minga ships (members must be real units).
# Writes bench/results/register-<timestamp>.txt (git-ignored). See docs/PERFORMANCE.md.
#
# Usage: bash bench/registry/register.sh [--no-build]
# Environment: BENCH_KEEP=1 leaves the app and its data for a closer look (EXPLAIN);
#              BENCH_PORT=18081 BENCH_WRK_CONNECTIONS=4 BENCH_WRK_DURATION=15s
#              MINGA_TERRITORY_DATA=<folder of the three GeoJSON files, default: the shipped ones> JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BENCH_PORT:-18081}"
NAME=register
CONNECTIONS="${BENCH_WRK_CONNECTIONS:-4}"
DURATION="${BENCH_WRK_DURATION:-15s}"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

bench_prepare "$([[ "${1:-}" == "--no-build" ]] || echo build)"
bench_start
say "importing the territory"
bench_import co-mgn2018-departamentos.geojson:CO_DANE_MGN_DEPARTAMENTOS co-mgn2018-municipios.geojson:CO_DANE_MGN_MUNICIPIOS \
  sv-distritos-2024.geojson:SV_DISTRITOS_2024

say "seeding 5,000 schemes and 100,000 memberships"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga -f "$ROOT/bench/registry/seed.sql"

# A signed-in browser session for the list page: log in with the form (CSRF cookie token).
JAR_COOKIES="$WORK/cookies"
XSRF=$(curl -fs -c "$JAR_COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
[[ -n "$XSRF" ]] || die "no CSRF token on the login page"
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$XSRF" "$BASE/login"
SESSION=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$JAR_COOKIES" | tail -1)
[[ -n "$SESSION" ]] || die "could not sign in for the page benchmark"
PAGE=$(curl -fs -H "Cookie: $SESSION" "$BASE/registry/schemes?page=100")
[[ "$PAGE" == *"Esquema de banco"* ]] || die "the signed-in list page does not show the seeded schemes"

RESULT="$ROOT/bench/results/register-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
measure() { # name, path, header
  local name="$1" path="$2" header="$3"
  # Warm up (JIT, caches), then measure.
  BENCH_HEADER="$header" wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/registry/header.lua" "$BASE$path" >/dev/null
  local out
  out=$(BENCH_HEADER="$header" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/registry/header.lua" "$BASE$path")
  local rps p95 p99 errors
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p95=$(awk '/^p95_ms/ { print $2 }' <<<"$out"); p99=$(awk '/^p99_ms/ { print $2 }' <<<"$out")
  errors=$(awk '/^errors/ { print $2 }' <<<"$out")
  printf '%-44s p95 %7s ms  p99 %7s ms  %8s req/s  errors %s\n' "$name" "$p95" "$p99" "$rps" "$errors" | tee -a "$RESULT"
}
{
  echo "Minga register benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION after 5 s of warm-up"
} | tee "$RESULT"
measure "page /registry/schemes?page=100" "/registry/schemes?page=100" "Cookie: $SESSION"
measure "page filtered (CO, ACTIVE, dept 54)" "/registry/schemes?country=CO&status=ACTIVE&department=54" "Cookie: $SESSION"
measure "API page 40 of 50" "/api/v1/registry/schemes?page=40&size=50" "Authorization: $AUTH"
measure "API filtered (CO, ACTIVE, dept 54)" "/api/v1/registry/schemes?country=CO&status=ACTIVE&department=54" "Authorization: $AUTH"
measure "API filtered (competence ROADS)" "/api/v1/registry/schemes?competence=ROADS&size=50" "Authorization: $AUTH"

say "validating a 100-member scheme 50 times"
BODY=$(psql -X -A -t -h 127.0.0.1 -p "$PGPORT" -U minga -d minga -c "select json_build_object('country','CO',
  'figure','PROVINCIA_ADMINISTRATIVA_PLANIFICACION','at','2025-01-01','members',json_agg(code order by code))
  from (select code from territorial_unit where country = 'CO' and level = 'MUNICIPALITY' and parent_code = '05'
  and valid_to is null order by code limit 100) m")
for _ in $(seq 1 20); do curl -fs -o /dev/null -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/registry/validations"; done
for _ in $(seq 1 50); do
  curl -fs -o /dev/null -w '%{time_total}\n' -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d "$BODY" \
    "$BASE/api/v1/registry/validations"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "validation, 100 members (50 sequential)      median %.1f ms  p95 %.1f ms  max %.1f ms\n", t[int(NR/2)], t[int(NR*0.95)], t[NR] }' | tee -a "$RESULT"
say "results in $RESULT"
