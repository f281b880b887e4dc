#!/usr/bin/env bash
# Project bank benchmark: 50 schemes of 20 members, 100,000 projects (2,000 per scheme, 2016-2025),
# 300,000 beneficiaries (3 per project among its scheme's 20 members) and 1,000,000 financing
# lines on the embedded database (seed.sql), then, at 20 concurrent connections (wrk -c20):
#   (a) GET /api/v1/projects/schemes/{id}/projects?stage=APPROVED&sector=TRANSPORT&page=0&size=50
#       (project bank; answers {items,...});
#   (b) GET /api/v1/registry/schemes/{id}/equity?from=2016-01-01&to=2025-12-31 (equity);
#   (c) GET /api/v1/me, the trivial endpoint, for the ratio;
# and the time of one XLSX import of 10,000 rows through
#   POST /api/v1/projects/schemes/{id}/imports (multipart field "file").
# The workbook is written by make_xlsx.py (standard library only). Assumed column layout, one
# header row then one project a row:
#   code | bpin | name | sector | description | cost | currency | beneficiaries (unit codes separated by ;) | stage
# The territory (Colombian departments and municipalities) is imported first from
# reference territory (bench/territory-files.sh): members and beneficiaries are real units.
# Every measured endpoint is checked first: a 404 (not built in this branch) stops the script
# with a clear message before any measurement.
# Writes bench/results/projects-<timestamp>.txt (git-ignored).
#
# Usage: bash bench/projects/projects.sh [--no-build] [--seed-only]
#   --seed-only  stop after seeding and printing the counts (validates the seed on any branch)
# Environment: BENCH_KEEP=1 leaves the app and its data for a closer look (EXPLAIN);
#              BENCH_PORT=18082 BENCH_WRK_CONNECTIONS=20 BENCH_WRK_DURATION=15s BENCH_WRK_WARMUP=15s BENCH_IMPORT_ROWS=10000
#              MINGA_TERRITORY_DATA=<folder of the three GeoJSON files, default: the shipped ones> JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/projects"
PORT="${BENCH_PORT:-18082}"
NAME=projects
CONNECTIONS="${BENCH_WRK_CONNECTIONS:-20}"
# The JIT needs more than a few seconds at 20 connections to settle (runs with 5 s differed by 2×).
WARMUP="${BENCH_WRK_WARMUP:-15s}"
DURATION="${BENCH_WRK_DURATION:-15s}"
IMPORT_ROWS="${BENCH_IMPORT_ROWS:-10000}"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

BUILD=1 SEED_ONLY=""
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD="" ;;
    --seed-only) SEED_ONLY=1 ;;
    *) die "unknown option $arg (use --no-build, --seed-only)" ;;
  esac
done

bench_prepare "$BUILD"
bench_start
say "importing the Colombian territory"
bench_import co-mgn2018-departamentos.geojson:CO_DANE_MGN_DEPARTAMENTOS co-mgn2018-municipios.geojson:CO_DANE_MGN_MUNICIPIOS

say "seeding 50 schemes, 100,000 projects, 300,000 beneficiaries and 1,000,000 financing lines"
PSQL=(psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga)
SEED_START=$(date +%s)
COUNTS=$("${PSQL[@]}" -q -P pager=off -f "$HERE/seed.sql")
echo "$COUNTS" >&2
say "seeded in $(( $(date +%s) - SEED_START )) s"
read -r SCHEMES PROJECTS LINES < <("${PSQL[@]}" -A -t -F ' ' -c "select (select count(*) from scheme where name like
  'Esquema proyectos %'), (select count(*) from project), (select count(*) from financing_line)")
[[ "$SCHEMES" == 50 && "$PROJECTS" -ge 100000 && "$LINES" -ge 1000000 ]] \
  || die "seed counts wrong: $SCHEMES schemes, $PROJECTS projects, $LINES financing lines"
if [[ -n "$SEED_ONLY" ]]; then
  say "seed only: $SCHEMES schemes, $PROJECTS projects, $LINES financing lines; stopping here"
  exit 0
fi

SCHEME=$("${PSQL[@]}" -A -t -c "select id from scheme where name = 'Esquema proyectos 01'")
UNITS=$("${PSQL[@]}" -A -t -c "select string_agg(unit_code, ',' order by unit_code) from membership where scheme_id = $SCHEME")
PROJECTS_PATH="/api/v1/projects/schemes/$SCHEME/projects?stage=APPROVED&sector=TRANSPORT&page=0&size=50"
EQUITY_PATH="/api/v1/registry/schemes/$SCHEME/equity?from=2016-01-01&to=2025-12-31"
IMPORT_PATH="/api/v1/projects/schemes/$SCHEME/imports"

say "checking the endpoints exist"
check() { # name, method, path
  local code
  code=$(curl -s -o "$WORK/check.out" -w '%{http_code}' -X "$2" -u "admin:$PASSWORD" "$BASE$3")
  [[ "$code" == 404 ]] && die "$1 answers 404 at $2 $3: that endpoint is not built in this branch (see the header)"
  [[ "$2" != GET || "$code" == 200 ]] || die "$1 answers $code at $3: $(head -c 300 "$WORK/check.out")"
  return 0
}
check "(a) project list" GET "$PROJECTS_PATH"
grep -q '"items"' "$WORK/check.out" || die "(a) project list does not answer {items,...}: $(head -c 300 "$WORK/check.out")"
check "(b) equity" GET "$EQUITY_PATH"
check "(c) me" GET "/api/v1/me"
check "XLSX import" POST "$IMPORT_PATH" # no file: any answer but 404 means the endpoint exists

RESULT="$ROOT/bench/results/projects-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
measure() { # name, path
  local name="$1" path="$2" out rps p95 p99 errors
  BENCH_HEADER="Authorization: $AUTH" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/registry/header.lua" "$BASE$path" >/dev/null
  out=$(BENCH_HEADER="Authorization: $AUTH" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/registry/header.lua" "$BASE$path")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p95=$(awk '/^p95_ms/ { print $2 }' <<<"$out"); p99=$(awk '/^p99_ms/ { print $2 }' <<<"$out")
  errors=$(awk '/^errors/ { print $2 }' <<<"$out")
  printf '%-44s p95 %8s ms  p99 %8s ms  %9s req/s  errors %s\n' "$name" "$p95" "$p99" "$rps" "$errors" | tee -a "$RESULT"
  echo "$rps"  >"$WORK/rps-${name%% *}"
}
{
  echo "Minga project bank benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "data: $SCHEMES schemes, $PROJECTS projects, $LINES financing lines; measured scheme $SCHEME (20 members)"
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION after $WARMUP of warm-up"
} | tee "$RESULT"
measure "(a) projects APPROVED+TRANSPORT, size 50" "$PROJECTS_PATH"
measure "(b) equity 2016-2025" "$EQUITY_PATH"
measure "(c) /api/v1/me" "/api/v1/me"
python3 - "$WORK" <<'PY' | tee -a "$RESULT"
import sys
d = sys.argv[1]
r = {k: float(open(f"{d}/rps-{k}").read()) for k in ("(a)", "(b)", "(c)")}
print(f"throughput vs /api/v1/me: projects {r['(a)'] / r['(c)']:.2f}, equity {r['(b)'] / r['(c)']:.2f}")
PY

say "timing an XLSX import of $IMPORT_ROWS rows"
python3 "$HERE/make_xlsx.py" "$WORK/import.xlsx" "$IMPORT_ROWS" "$UNITS"
START=$(date +%s.%N)
CODE=$(curl -s -o "$WORK/import.out" -w '%{http_code}' -u "admin:$PASSWORD" -F "file=@$WORK/import.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
  "$BASE$IMPORT_PATH")
[[ "$CODE" == 404 ]] && die "the XLSX import answers 404: not built in this branch"
[[ "$CODE" == 2* ]] || die "the XLSX import answered $CODE: $(head -c 500 "$WORK/import.out")"
JOB=$(python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1])).get("jobId") or "")
except Exception: print("")' "$WORK/import.out")
[[ -n "$JOB" ]] && bench_wait_job "$JOB" "XLSX import"
END=$(date +%s.%N)
IMPORTED=$("${PSQL[@]}" -A -t -c "select count(*) from project where scheme_id = $SCHEME and code like 'IMP-%'")
printf 'XLSX import, %s rows (%s projects written)       %.1f s\n' "$IMPORT_ROWS" "$IMPORTED" \
  "$(echo "$END - $START" | bc -l)" | tee -a "$RESULT"
say "results in $RESULT"
