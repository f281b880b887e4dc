#!/usr/bin/env bash
# Reference adjacency of territorial units computed with PostGIS, to check and time Minga's own
# (JTS) computation against. See bench/territory/README.md.
#
# For each set (CO departments, CO municipalities, SV districts) two units are neighbours when
# their boundaries share a segment of positive length (a single touching point does not count);
# the shared length is geodesic, in metres: ST_Length(geography) of the line part of
# ST_Intersection(ST_Boundary(a), ST_Boundary(b)). Pairs are ordered a < b by code (byte order).
#
# Usage: bash bench/territory/postgis-adjacency.sh
#
# Environment (all optional):
#   TERRITORY_DATA_DIR=...   where the three GeoJSON files are (default: the ones Minga ships, uncompressed)
#   TERRITORY_RESULTS_DIR=bench/results/territory where the CSVs and summary go (git-ignored)
#   BENCH_RUNS=3          timed runs per query (after one untimed warm-up); the median is reported
#   BENCH_PG_PORT=        loopback port of the throwaway cluster (default: a free one)
#   BENCH_PG_PARALLEL=0   max_parallel_workers_per_gather (0 = single-threaded, like one JTS thread)
#   PG_BIN=               PostgreSQL bin directory (default: newest /usr/lib/postgresql/*/bin)
#   KEEP_CLUSTER=1        leave the temporary cluster running and print how to reach it
#
# Installs PostgreSQL and PostGIS from Debian packages when they are missing (needs root).
# The cluster lives in a temporary directory and is stopped and removed on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
source "$ROOT/bench/territory-files.sh"
DATA_DIR="$(realpath -m "${TERRITORY_DATA_DIR:-$(reference_territory)}")"
OUT_DIR="$(realpath -m "${TERRITORY_RESULTS_DIR:-$ROOT/bench/results/territory}")"
RUNS="${BENCH_RUNS:-3}"
PARALLEL="${BENCH_PG_PARALLEL:-0}"

# set label, table, GeoJSON file, code kind (see geojson_to_sql.py)
SETS=(
  "co-departments|co_dpto|co-mgn2018-departamentos.geojson|co-dpto"
  "co-municipalities|co_mpio|co-mgn2018-municipios.geojson|co-mpio"
  "sv-districts|sv_distrito|sv-distritos-2024.geojson|sv-dist"
)

log() { printf '[postgis-adjacency] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
[[ "$PARALLEL" =~ ^[0-9]+$ ]] || die "BENCH_PG_PARALLEL must be a non-negative integer"
for s in "${SETS[@]}"; do
  IFS='|' read -r _ _ file _ <<<"$s"
  [[ -r "$DATA_DIR/$file" ]] || die "missing $DATA_DIR/$file (set TERRITORY_DATA_DIR)"
done
command -v python3 >/dev/null || die "python3 is needed"

# ---------------------------------------------------------------- install PostgreSQL + PostGIS
is_root() { [[ "$(id -u)" == 0 ]]; }
apt_updated=0
apt_install() {
  is_root || die "PostgreSQL/PostGIS missing and not root: install $* yourself"
  if [[ $apt_updated == 0 ]]; then
    log "apt-get update"
    apt-get update -q >/dev/null
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}
newest_pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then echo "$d"; return 0; fi
  done
  return 1
}
if [[ -z "${PG_BIN:-}" ]]; then
  PG_BIN="$(newest_pg_bin)" || { apt_install postgresql postgresql-postgis; PG_BIN="$(newest_pg_bin)"; }
fi
PG_VERSION="$("$PG_BIN/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')"
PG_SHARE="$("$PG_BIN/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$PG_VERSION")"
if ! ls "$PG_SHARE"/extension/postgis.control >/dev/null 2>&1; then
  apt_install "postgresql-$PG_VERSION-postgis-3" "postgresql-$PG_VERSION-postgis-3-scripts"
fi
ls "$PG_SHARE"/extension/postgis.control >/dev/null 2>&1 || die "postgis extension not found in $PG_SHARE"

# ---------------------------------------------------------------- throwaway cluster
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
if is_root; then id postgres >/dev/null 2>&1 || die "user postgres missing (install postgresql)"; fi

TMP="$(mktemp -d /tmp/minga-postgis-bench.XXXXXX)"
PGDATA_DIR="$TMP/data"
started=0
cleanup() {
  local rc=$?
  if [[ "${KEEP_CLUSTER:-}" == 1 && $started == 1 ]]; then
    log "cluster kept: psql -h 127.0.0.1 -p $PORT -U postgres  (stop: runuser -u postgres -- $PG_BIN/pg_ctl -D $PGDATA_DIR stop; rm -rf $TMP)"
    exit $rc
  fi
  if [[ $started == 1 ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if is_root; then chown postgres:postgres "$TMP"; fi
chmod 700 "$TMP"

PORT="${BENCH_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"

log "initdb in $PGDATA_DIR (PostgreSQL $PG_VERSION, $PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --no-locale >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$TMP/postgres.log" -w -t 60 \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off -c shared_buffers=256MB -c work_mem=64MB -c max_parallel_workers_per_gather=$PARALLEL" \
  start >/dev/null || { cat "$TMP/postgres.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
started=1
log "cluster up on 127.0.0.1:$PORT"

export PGOPTIONS="-c client_min_messages=warning"
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres)
sql() { "${PSQL[@]}" -At -F '|' -c "$1"; }

"${PSQL[@]}" <<'SQL'
CREATE EXTENSION postgis;

-- Times a query: one untimed warm-up (run 0), then `runs` timed runs. Each run fetches every row
-- and sums the lengths so that nothing can be skipped.
CREATE FUNCTION bench(q text, runs int) RETURNS TABLE(run int, ms double precision, pairs bigint, total_m double precision)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  FOR i IN 0..runs LOOP
    t0 := clock_timestamp();
    EXECUTE 'SELECT count(*), sum(m) FROM (' || q || ') s' INTO pairs, total_m;
    run := i;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RETURN NEXT;
  END LOOP;
END $$;
SQL

POSTGIS_VERSION="$(sql "SELECT postgis_lib_version() || ' (GEOS ' || postgis_geos_version() || ', PROJ ' || split_part(postgis_proj_version(), ' ', 1) || ')'")"

# The adjacency query. OFFSET 0 keeps the lateral subquery from being inlined (which would
# compute the intersection twice, once for the WHERE and once for the length).
adjacency_query() {
  local t="$1"
  cat <<SQL
SELECT a.code AS a, b.code AS b, ST_Length(s.line::geography) AS m
FROM $t a
JOIN $t b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
CROSS JOIN LATERAL (
  SELECT ST_CollectionExtract(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)), 2) AS line
  OFFSET 0) s
WHERE ST_Length(s.line) > 0
ORDER BY a.code, b.code
SQL
}

mkdir -p "$OUT_DIR"
SUMMARY="$OUT_DIR/summary.txt"
{
  echo "PostGIS adjacency reference, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), PostGIS $POSTGIS_VERSION"
  echo "data: $DATA_DIR"
  echo "runs: 1 warm-up + $RUNS timed, median reported; max_parallel_workers_per_gather=$PARALLEL"
  echo
} >"$SUMMARY"

for s in "${SETS[@]}"; do
  IFS='|' read -r label table file kind <<<"$s"
  log "loading $file -> $table"
  python3 "$HERE/geojson_to_sql.py" "$DATA_DIR/$file" "$table" "$kind" | "${PSQL[@]}" >/dev/null
done

printf '%-18s %6s %7s %7s %7s %10s %8s %9s %9s %9s %9s %s\n' \
  set units invalid inters pairs point-only overlaps shortest_m median_ms min_ms max_ms "runs_ms" >>"$SUMMARY"
for s in "${SETS[@]}"; do
  IFS='|' read -r label table file kind <<<"$s"
  q="$(adjacency_query "$table")"
  log "timing $label"
  qlit="'${q//\'/\'\'}'"
  row="$(sql "
    SELECT max(pairs), round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
           round(min(ms)::numeric, 1), round(max(ms)::numeric, 1),
           string_agg(round(ms::numeric, 1)::text, ' ' ORDER BY run)
    FROM bench($qlit, $RUNS) WHERE run > 0")"
  IFS='|' read -r pairs median min max runs_ms <<<"$row"
  sql "DROP TABLE IF EXISTS adj_$table; CREATE TABLE adj_$table AS $q" >/dev/null
  row="$(sql "
    SELECT (SELECT count(*) FROM $table),
           (SELECT count(*) FROM $table WHERE NOT ST_IsValid(geom)),
           (SELECT count(*) FROM $table a JOIN $table b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)),
           (SELECT count(*) FROM $table a JOIN $table b ON a.code < b.code AND ST_Relate(a.geom, b.geom, 'T********')),
           (SELECT round(min(m)::numeric, 3) FROM adj_$table)")"
  IFS='|' read -r units invalid inters overlaps shortest <<<"$row"
  printf '%-18s %6s %7s %7s %7s %10s %8s %9s %9s %9s %9s %s\n' \
    "$label" "$units" "$invalid" "$inters" "$pairs" "$((inters - pairs))" "$overlaps" "$shortest" \
    "$median" "$min" "$max" "$runs_ms" >>"$SUMMARY"

  # The reference CSV, and the plan (to see the GiST index at work).
  "${PSQL[@]}" -c "\\copy (SELECT a, b, round(m::numeric, 6) AS \"sharedBorderMeters\" FROM adj_$table ORDER BY a COLLATE \"C\", b COLLATE \"C\") TO '$OUT_DIR/$label.csv' WITH (FORMAT csv, HEADER true)"
  sql "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $q" >"$OUT_DIR/$label.plan.txt"
done

# ---------------------------------------------------------------- validity, and ST_MakeValid's effect
{
  echo
  echo "ST_IsValid = false, reasons, and the adjacency recomputed after ST_MakeValid on every"
  echo "geometry (polygonal part kept), compared with the one above:"
} >>"$SUMMARY"
for s in "${SETS[@]}"; do
  IFS='|' read -r label table file kind <<<"$s"
  invalid="$(sql "SELECT count(*) FROM $table WHERE NOT ST_IsValid(geom)")"
  echo "$label: $invalid invalid" >>"$SUMMARY"
  sql "SELECT '  ' || code || ' ' || coalesce(name, '') || ': ' || ST_IsValidReason(geom)
       FROM $table WHERE NOT ST_IsValid(geom) ORDER BY code" >>"$SUMMARY"
  sql "DROP TABLE IF EXISTS ${table}_mv;
       CREATE TABLE ${table}_mv AS
         SELECT code, name, ST_CollectionExtract(ST_MakeValid(geom), 3) AS geom
         FROM $table;
       CREATE INDEX ON ${table}_mv USING gist (geom); ANALYZE ${table}_mv;
       DROP TABLE IF EXISTS adj_${table}_mv;
       CREATE TABLE adj_${table}_mv AS $(adjacency_query "${table}_mv")" >/dev/null
  sql "SELECT '  after ST_MakeValid: ' || count(*) FILTER (WHERE NOT ST_IsValid(m.geom)) || ' invalid, '
              || count(*) FILTER (WHERE NOT ST_Equals(m.geom, t.geom)) || ' geometries changed'
       FROM ${table}_mv m JOIN $table t USING (code)" >>"$SUMMARY"
  sql "SELECT '  with ST_MakeValid: ' || count(*) FILTER (WHERE o.a IS NOT NULL AND v.a IS NOT NULL) || ' common pairs, '
              || count(*) FILTER (WHERE o.a IS NULL) || ' added, '
              || count(*) FILTER (WHERE v.a IS NULL) || ' removed, max relative length difference '
              || coalesce(round(max(abs(v.m - o.m) / nullif(o.m, 0))::numeric, 9)::text, '-')
       FROM adj_$table o FULL JOIN adj_${table}_mv v ON o.a = v.a AND o.b = v.b" >>"$SUMMARY"
  sql "SELECT '    ' || coalesce(o.a, v.a) || ',' || coalesce(o.b, v.b) || ': '
              || coalesce(round(o.m::numeric, 3)::text, 'absent') || ' -> ' || coalesce(round(v.m::numeric, 3)::text, 'absent')
       FROM adj_$table o FULL JOIN adj_${table}_mv v ON o.a = v.a AND o.b = v.b
       WHERE o.a IS NULL OR v.a IS NULL OR abs(v.m - o.m) > 1e-6 * o.m
       ORDER BY 1 LIMIT 20" >>"$SUMMARY"
  "${PSQL[@]}" -c "\\copy (SELECT a, b, round(m::numeric, 6) AS \"sharedBorderMeters\" FROM adj_${table}_mv ORDER BY a COLLATE \"C\", b COLLATE \"C\") TO '$OUT_DIR/$label.makevalid.csv' WITH (FORMAT csv, HEADER true)"
done

{
  echo
  echo "columns: units = features loaded; invalid = ST_IsValid false; inters = pairs with ST_Intersects;"
  echo "pairs = neighbours (shared boundary length > 0); point-only = inters - pairs (touch at points only);"
  echo "overlaps = pairs whose interiors intersect (data defect; still neighbours if they share a line);"
  echo "shortest_m = shortest shared border among the pairs; times in ms, server-side (clock_timestamp)."
  echo "CSV: $OUT_DIR/<set>.csv (a,b,sharedBorderMeters)"
} >>"$SUMMARY"
cat "$SUMMARY"
