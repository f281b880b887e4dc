#!/usr/bin/env bash
# Territory, measured in one run beside PostGIS: the same adjacency computed by PostGIS
# (postgis-adjacency.sh) and by Minga (JTS), pair sets compared, both timed; the full import of
# the three files; and the GeoJSON of one department's municipalities under load.
# Usage: bash bench/territory/side-by-side.sh   (needs JAVA_HOME = JDK 25, wrk; installs PostGIS)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/territory-files.sh"
DATA="$(reference_territory)"
OUT="$ROOT/bench/results/territory"
PORT="${BENCH_PORT:-18081}"
PASSWORD="bench-Minga-Admin-2026"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUNS="${BENCH_RUNS:-5}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$OUT"

echo "== PostGIS"
BENCH_RUNS="$RUNS" bash "$ROOT/bench/territory/postgis-adjacency.sh" > "$OUT/postgis.log" 2>&1 || { cat "$OUT/postgis.log"; exit 1; }

JAR=$(ls "$ROOT"/target/minga-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then (cd "$ROOT" && ./mvnw -q -B -DskipTests package); JAR=$(ls "$ROOT"/target/minga-*.jar | head -1); fi
DATA_DIR=$(mktemp -d)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$DATA_DIR"; }
trap cleanup EXIT
env -u MINGA_DB_URL MINGA_TERRITORY=none MINGA_DATA_DIR="$DATA_DIR" MINGA_PORT="$PORT" MINGA_ADMIN_PASSWORD="$PASSWORD" \
  "$JAVA" -jar "$JAR" > "$OUT/minga.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP && break; sleep 0.1; done
AUTH="admin:$PASSWORD"
api() { curl -fs -u "$AUTH" "$@"; }

echo "== Minga import"
start=$(date +%s.%N)
for spec in "co-mgn2018-departamentos.geojson CO_DANE_MGN_DEPARTAMENTOS" "co-mgn2018-municipios.geojson CO_DANE_MGN_MUNICIPIOS" \
            "sv-distritos-2024.geojson SV_DISTRITOS_2024"; do
  set -- $spec
  job=$(api -F "file=@$DATA/$1" -F "source=$2" "http://127.0.0.1:$PORT/api/v1/territory/imports" \
        | python3 -c 'import sys,json; print(json.load(sys.stdin)["jobId"])')
  until api "http://127.0.0.1:$PORT/api/v1/jobs/$job" | grep -qE '"status":"(SUCCEEDED|FAILED)"'; do sleep 0.1; done
  api "http://127.0.0.1:$PORT/api/v1/jobs/$job" | grep -q '"status":"SUCCEEDED"' || { echo "import of $1 failed" >&2; exit 1; }
done
import_s=$(echo "$(date +%s.%N) - $start" | bc)

echo "== Minga adjacency ($RUNS timed runs after one warm-up each)"
minga_ms() {  # country level -> median computeMillis
  local times=()
  api -X POST "http://127.0.0.1:$PORT/api/v1/territory/adjacency/recompute?country=$1&level=$2" > /dev/null
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(api -X POST "http://127.0.0.1:$PORT/api/v1/territory/adjacency/recompute?country=$1&level=$2" \
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["computeMillis"])')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
summary="$OUT/side-by-side.txt"
{
  echo "Territory side by side, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "full import of the three files (wall, API upload to job done): ${import_s} s   target < 30 s"
  echo
  printf '%-18s %8s %12s %12s %8s  %s\n' set pairs postgis_ms minga_ms ratio "pair sets"
  for spec in "co-departments CO DEPARTMENT" "co-municipalities CO MUNICIPALITY" "sv-districts SV DISTRICT"; do
    set -- $spec
    api "http://127.0.0.1:$PORT/api/v1/territory/adjacency?country=$2&level=$3&at=2025-01-01" > "$OUT/$1.minga.json"
    verdict=$(python3 "$ROOT/bench/territory/compare.py" "$OUT/$1.csv" "$OUT/$1.minga.json" | tail -1)
    pg=$(awk -v s="$1" '$1 == s {print $10}' "$OUT/summary.txt")
    mg=$(minga_ms "$2" "$3")
    pairs=$(python3 -c "import json; print(len(json.load(open('$OUT/$1.minga.json'))))")
    printf '%-18s %8s %12s %12s %8.2f  %s\n' "$1" "$pairs" "$pg" "$mg" "$(echo "$mg / $pg" | bc -l)" "$verdict"
  done
  echo
  echo "GeoJSON of Norte de Santander's municipalities (simplify=0.002), wrk -t1 -c4 -d10s:"
  BENCH_AUTHORIZATION="Basic $(printf '%s' "$AUTH" | base64 -w0)" wrk -t1 -c4 -d10s -s "$ROOT/bench/territory/p95.lua" \
    "http://127.0.0.1:$PORT/api/v1/territory/geojson?country=CO&level=MUNICIPALITY&parent=54&simplify=0.002" \
    | grep -E "Requests/sec|p95_ms|p99_ms|^requests|^errors"
} | tee "$summary"
