#!/usr/bin/env bash
# Public issue map benchmark: 100,000 published territorial issues spread over Colombia's extent
# (plus 10,000 unpublished ones the map must skip), then wrk on GET /public/participation/issues/markers
# with random viewports (country, department and municipality sizes), no account, reporting p50/p95/p99.
# Writes bench/results/issue-map-<timestamp>.txt (git-ignored). See docs/PERFORMANCE.md.
#
# Usage: bash bench/participation/issue-map.sh [--no-build]
# Environment: BENCH_KEEP=1, BENCH_PORT=18083, BENCH_WRK_CONNECTIONS=4, BENCH_WRK_DURATION=20s, JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BENCH_PORT:-18083}"
NAME=issue-map
CONNECTIONS="${BENCH_WRK_CONNECTIONS:-4}"
DURATION="${BENCH_WRK_DURATION:-20s}"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

bench_prepare "$([[ "${1:-}" == "--no-build" ]] || echo build)"
bench_start
say "seeding 110,000 issues"
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga <<'SQL'
insert into scheme (name, acronym, country, figure, status) values ('Esquema del mapa', 'MAPA', 'CO', 'ASOCIACION_MUNICIPIOS', 'ACTIVE');
select setseed(0.42);
insert into territorial_issue (scheme_id, theme, title, description, geometry, lon, lat, moderation, moderated_at)
select (select id from scheme where name = 'Esquema del mapa'),
       (array['LAND_USE','TENURE','WATER','RISK','ENVIRONMENT','ROADS'])[1 + (i % 6)],
       'Problemática ' || i, 'Descripción ' || i,
       json_build_object('type', 'Point', 'coordinates', json_build_array(x, y))::text, x, y,
       case when i <= 100000 then 'PUBLISHED' else 'SUBMITTED' end, now()
from (select i, -79 + random() * 12 as x, -4 + random() * 16 as y from generate_series(1, 110000) i) p;
analyze territorial_issue;
SQL
COUNT=$(curl -fs "$BASE/public/participation/issues/markers?west=-80&south=-5&east=-66&north=13" |
  python3 -c 'import json,sys; print(sum(m["count"] for m in json.load(sys.stdin)))')
[[ "$COUNT" == 100000 ]] || die "the whole-country viewport counts $COUNT published issues, not 100000"

RESULT="$ROOT/bench/results/issue-map-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
{
  echo "Minga public issue map benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "100,000 published issues (+10,000 unpublished); wrk: 2 threads, $CONNECTIONS connections, $DURATION after 5 s of warm-up"
} | tee "$RESULT"
wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/participation/issue-map.lua" "$BASE" >/dev/null
OUT=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/participation/issue-map.lua" "$BASE")
printf 'viewport markers (random country/department/municipality windows)  p50 %s ms  p95 %s ms  p99 %s ms  %s req/s  errors %s\n' \
  "$(awk '/^p50_ms/ { print $2 }' <<<"$OUT")" "$(awk '/^p95_ms/ { print $2 }' <<<"$OUT")" \
  "$(awk '/^p99_ms/ { print $2 }' <<<"$OUT")" "$(awk '/Requests\/sec/ { print $2 }' <<<"$OUT")" \
  "$(awk '/^errors/ { print $2 }' <<<"$OUT")" | tee -a "$RESULT"
say "results in $RESULT"
