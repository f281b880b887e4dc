#!/usr/bin/env bash
# Property-tax benchmark, all in one run on one fresh Minga started with -Xmx1g:
#   1. generates a cadastre of 2,600,000 parcels (Bogotá, 2023) as CSV in /tmp (generate.sql);
#   2. times PostgreSQL's own COPY of that file (psql \copy, client to server, into a plain table
#      with the file's columns) and Minga's import of the same file (POST text/csv, the job
#      validating every row, COPY into a new table, primary key, attach), and their ratio;
#   3. sets the rates and times Minga's liquidation (the job: cursor, engine, COPY of the results,
#      BRIN index, totals) while sampling the heap, and the same computation as one set-based SQL
#      statement (set-based.sql, plus the same index), checking that both give the same totals.
# Writes bench/results/fiscal-<timestamp>.txt (git-ignored).
#
# Usage: bash bench/fiscal/fiscal.sh [--no-build]
# Environment: BENCH_PARCELS=2600000 BENCH_PORT=18090 BENCH_KEEP=1 MINGA_TERRITORY_DATA JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/fiscal"
PORT="${BENCH_PORT:-18090}"
NAME=fiscal
PARCELS="${BENCH_PARCELS:-2600000}"
TOWN=11001
YEAR=2023
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD="" ;;
    *) die "unknown option $arg (use --no-build)" ;;
  esac
done

bench_prepare "$BUILD"
# The heap bound of the issue: the application gets 1 GB of heap at most.
export JAVA_TOOL_OPTIONS="-Xmx1g"
bench_start
unset JAVA_TOOL_OPTIONS
PSQL=(psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga)
api() { # method path [curl args...]
  local method="$1" path="$2"; shift 2
  curl -fsS -X "$method" -u "admin:$PASSWORD" "$@" "$BASE$path"
}
wait_job() { # job id: polls every 0.1 s so the timing is not rounded to the platform's poll
  local status
  while true; do
    status=$(api GET "/api/v1/jobs/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [[ "$status" == SUCCEEDED ]] && return 0
    [[ "$status" == QUEUED || "$status" == RUNNING ]] || { api GET "/api/v1/jobs/$1" >&2; die "job $1 ended $status"; }
    sleep 0.1
  done
}
now() { date +%s.%N; }
# CPU seconds used so far by the app's JVM and by the database server (its live backends plus
# those that ended): on a shared machine, wall time depends on the others; CPU time much less.
cpu() {
  python3 - "$APP_PID" "$(head -1 "$WORK/data/postgres/postmaster.pid")" <<'PY'
import os, sys
def stat(p):
    s = open(f"/proc/{p}/stat").read(); f = s[s.rindex(")") + 2:].split()
    return f
clk = os.sysconf("SC_CLK_TCK")
a = stat(sys.argv[1]); app = int(a[11]) + int(a[12])
pg = sys.argv[2]; m = stat(pg); db = sum(int(x) for x in m[11:15])
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            f = stat(d)
            if f[1] == pg:
                db += int(f[11]) + int(f[12])
        except Exception:
            pass
print(f"{app / clk:.1f} {db / clk:.1f}")
PY
}
cpu_delta() { # "app db" before, "app db" after → "app X s + database Y s = Z s"
  python3 -c 'import sys; a=[float(x) for x in sys.argv[1].split()]; b=[float(x) for x in sys.argv[2].split()]; x=b[0]-a[0]; y=b[1]-a[1]; print(f"CPU: app {x:.1f} s + database {y:.1f} s = {x+y:.1f} s")' "$1" "$2"
}
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }

say "importing the Colombian territory (the municipality must exist)"
bench_import co-mgn2018-departamentos.geojson:CO_DANE_MGN_DEPARTAMENTOS co-mgn2018-municipios.geojson:CO_DANE_MGN_MUNICIPIOS
SCHEME=$(api POST /api/v1/registry/schemes -H 'Content-Type: application/json' \
  -d '{"name":"Catastro multipropósito Bogotá (bench)","acronym":"CB","country":"CO"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
MY="/api/v1/fiscal/schemes/$SCHEME/municipalities/$TOWN/years/$YEAR"

FILE="/tmp/minga-bench-cadastre-$PARCELS.csv"
if [[ ! -s "$FILE" ]]; then
  say "generating $PARCELS parcels into $FILE"
  "${PSQL[@]}" -q -v n="$PARCELS" -f "$HERE/generate.sql" >"$FILE"
fi
ROWS=$(( $(wc -l <"$FILE") - 1 ))
BYTES=$(stat -c %s "$FILE")
[[ "$ROWS" == "$PARCELS" ]] || die "the file has $ROWS rows, expected $PARCELS"

RESULT="$ROOT/bench/results/fiscal-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
{
  echo "Minga property-tax benchmark $(date -u +%FT%TZ) on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); other processes over 10 % CPU: $(ps -eo pcpu,comm --sort=-pcpu | awk 'NR>1 && $1>10 {printf "%s(%s%%) ", $2, $1}')"
  echo "file: $ROWS parcels, $(( BYTES / 1048576 )) MiB; app heap -Xmx1g"
} | tee "$RESULT"

say "PostgreSQL's own COPY of the file"
"${PSQL[@]}" -q -c "drop table if exists bench_copy; create table bench_copy (numero_predial char(30), municipio text,
  zona char(1), destino char(1), estrato smallint, area_terreno numeric(14,2), area_construida numeric(14,2), avaluo bigint,
  vigencia_avaluo integer, actualizado char(1), autoavaluo char(1), impuesto_anterior bigint, destino_anterior char(1),
  area_terreno_anterior numeric(14,2), area_construida_anterior numeric(14,2))"
"${PSQL[@]}" -q -c "checkpoint"
C0=$(cpu); T0=$(now)
"${PSQL[@]}" -q -c "\\copy bench_copy from '$FILE' with (format csv, header)"
T1=$(now); COPY_CPU=$(cpu_delta "$C0" "$(cpu)")
COPY_S=$(secs "$T0" "$T1")
"${PSQL[@]}" -q -c "drop table bench_copy; checkpoint"

say "Minga's import of the same file"
C0=$(cpu); T0=$(now)
JOB=$(api POST "$MY/cadastre?fileName=bogota-2023.csv" -H 'Content-Type: text/csv' --data-binary "@$FILE" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobId"])')
T1=$(now)
wait_job "$JOB"
T2=$(now); IMPORT_CPU=$(cpu_delta "$C0" "$(cpu)")
IMPORT_S=$(secs "$T0" "$T2")
LOADED=$("${PSQL[@]}" -A -t -c "select parcels from fiscal_cadastre where status = 'ACTIVE' and municipality = '$TOWN'")
IMPORT_PHASES=$(api GET "/api/v1/jobs/$JOB" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print("job: COPY done at %.1f s, key at %.1f s, active at %.1f s" % (r["secondsToCopy"], r["secondsToKey"], r["seconds"]))')
{
  printf 'PostgreSQL COPY (psql \\copy, %s rows, no index)                 %8s s  (%s, psql not counted)\n' "$ROWS" "$COPY_S" "$COPY_CPU"
  printf 'Minga import (upload %s s + job: validate, COPY, key, attach)      %8s s  (%s parcels loaded; %s; %s, curl not counted)\n' \
    "$(secs "$T0" "$T1")" "$IMPORT_S" "$LOADED" "$IMPORT_PHASES" "$IMPORT_CPU"
  printf 'import ratio Minga / COPY                                          %8s\n' "$(echo "$IMPORT_S / $COPY_S" | bc -l | xargs printf '%.2f')"
} | tee -a "$RESULT"

say "rates of Bogotá 2023"
for band in '{"ratePerMil":10}' '{"zone":"U","destination":"A","ratePerMil":8}' \
  '{"zone":"U","destination":"A","stratum":1,"ratePerMil":5}' '{"zone":"U","destination":"A","stratum":2,"ratePerMil":6}' \
  '{"zone":"U","destination":"A","stratum":6,"ratePerMil":12}' '{"zone":"U","destination":"C","ratePerMil":11}' \
  '{"destination":"Q","ratePerMil":30}' '{"destination":"R","ratePerMil":25}' '{"zone":"R","ratePerMil":7}' \
  '{"zone":"R","destination":"D","valueFrom":0,"valueTo":100000000,"ratePerMil":6}'; do
  api POST "$MY/rates" -H 'Content-Type: application/json' -d "$band" >/dev/null
done
"${PSQL[@]}" -q -c "checkpoint"

say "Minga's liquidation"
HEAP_LOG="$WORK/heap.txt"
( while true; do
    curl -fs -u "admin:$PASSWORD" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))' >>"$HEAP_LOG" 2>/dev/null || true
    sleep 0.25
  done ) &
SAMPLER=$!
C0=$(cpu); T0=$(now)
LIQ=$(api POST "$MY/liquidations")
JOB=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["jobId"])' "$LIQ")
LIQ_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["liquidationId"])' "$LIQ")
wait_job "$JOB"
T1=$(now); LIQ_CPU=$(cpu_delta "$C0" "$(cpu)")
kill "$SAMPLER" 2>/dev/null || true
INDEX_MS=$(api GET "/api/v1/jobs/$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["indexMillis"])')
LIQ_S=$(secs "$T0" "$T1")
read -r COMPUTE_MS M_PARCELS M_BEFORE M_FINAL < <("${PSQL[@]}" -A -t -F ' ' -c "select millis, parcels, total_before, total_final from fiscal_liquidation where id = $LIQ_ID")
HEAP_MAX=$(sort -n "$HEAP_LOG" | tail -1)
HEAP_LIMIT=$(curl -fs -u "admin:$PASSWORD" "$BASE/actuator/metrics/jvm.memory.max?tag=area:heap" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))')
CADASTRE=$("${PSQL[@]}" -A -t -c "select id from fiscal_cadastre where status = 'ACTIVE' and municipality = '$TOWN'")
"${PSQL[@]}" -q -c "checkpoint"

say "the same computation as one set-based SQL statement"
C0=$(cpu)
SQL_OUT=$("${PSQL[@]}" -v scheme="$SCHEME" -v town="$TOWN" -v year="$YEAR" -v cadastre="$CADASTRE" -f "$HERE/set-based.sql")
SQL_CPU=$(cpu_delta "$C0" "$(cpu)")
echo "$SQL_OUT" >&2
SQL_STMT_MS=$(grep -m1 '^Time:' <<<"$SQL_OUT" | awk '{print $2}')
SQL_KEY_MS=$(grep '^Time:' <<<"$SQL_OUT" | sed -n 2p | awk '{print $2}')
read -r S_PARCELS S_BEFORE S_FINAL < <(grep -E '^ *[0-9]+ *\| *[0-9]+ *\| *[0-9]+ *$' <<<"$SQL_OUT" | tr -d '|' | xargs)
SQL_S=$(echo "($SQL_STMT_MS + $SQL_KEY_MS) / 1000" | bc -l | xargs printf '%.2f')
{
  printf 'Minga liquidation, %s parcels (POST to job done)                  %8s s  (engine pass incl. COPY %s ms, BRIN index %s ms; heap max sampled %s MiB of %s MiB; %s)\n' \
    "$M_PARCELS" "$LIQ_S" "$COMPUTE_MS" "$INDEX_MS" "$(( HEAP_MAX / 1048576 ))" "$(( HEAP_LIMIT / 1048576 ))" "$LIQ_CPU"
  printf 'one SQL statement (create table as select) + BRIN index             %8s s  (%s ms + %s ms; %s)\n' "$SQL_S" "$SQL_STMT_MS" "$SQL_KEY_MS" "$SQL_CPU"
  printf 'liquidation ratio Minga / SQL                                      %8s\n' "$(echo "$LIQ_S / $SQL_S" | bc -l | xargs printf '%.2f')"
  printf 'totals Minga: %s parcels, before limits %s, final %s; SQL: %s parcels, before %s, final %s: %s\n' \
    "$M_PARCELS" "$M_BEFORE" "$M_FINAL" "$S_PARCELS" "$S_BEFORE" "$S_FINAL" \
    "$([[ "$M_FINAL" == "$S_FINAL" && "$M_BEFORE" == "$S_BEFORE" && "$M_PARCELS" == "$S_PARCELS" ]] && echo SAME || echo DIFFERENT)"
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULT"
say "results in $RESULT"
