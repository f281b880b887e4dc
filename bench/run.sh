#!/usr/bin/env bash
# Minga benchmark: cold and warm start to health UP on the embedded database, idle heap after a
# forced GC, RSS, then wrk on the login page and on a trivial authenticated API endpoint.
# Writes a summary to bench/results/<timestamp>.txt (git-ignored). See docs/PERFORMANCE.md.
#
# Usage: bash bench/run.sh [--no-build | --rebuild] [--jar PATH] [--keep-data]
#
# Environment (all optional):
#   BENCH_PORT=18080             HTTP port of the app (only 127.0.0.1 is ever targeted)
#   BENCH_ADMIN_PASSWORD=...     password of the initial user admin (fixed default)
#   BENCH_WRK_THREADS=2  BENCH_WRK_CONNECTIONS=16  BENCH_WRK_DURATION=20s  BENCH_WRK_WARMUP=5s
#   BENCH_WRK_TIMEOUT=30s        wrk leaves slower responses out of its latency figures
#   BENCH_START_TIMEOUT=180      seconds to wait for health UP before giving up
#   BENCH_JAVA_OPTS=""           extra JVM options (default: none, JVM ergonomics)
#   JAVA_HOME                    JDK 25 to run the app and jcmd with (else java on PATH)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"
RESULTS_DIR="$BENCH_DIR/results"

PORT="${BENCH_PORT:-18080}"
PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-Minga-Admin-2026}"
WRK_THREADS="${BENCH_WRK_THREADS:-2}"
WRK_CONNECTIONS="${BENCH_WRK_CONNECTIONS:-16}"
WRK_DURATION="${BENCH_WRK_DURATION:-20s}"
WRK_WARMUP="${BENCH_WRK_WARMUP:-5s}"
WRK_TIMEOUT="${BENCH_WRK_TIMEOUT:-30s}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-180}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
BASE="http://127.0.0.1:$PORT"

# Targets from the performance issue.
TARGET_COLD_START_S=20
TARGET_IDLE_HEAP_MIB=300

BUILD=auto   # auto: build only if the jar is missing; never; always
JAR=""
KEEP_DATA=0

die() { echo "bench: ERROR: $*" >&2; exit 1; }
warn() { echo "bench: warning: $*" >&2; }
say() { echo "bench: $*" >&2; }

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; }

while (($#)); do
  case "$1" in
    --no-build) BUILD=never ;;
    --rebuild) BUILD=always ;;
    --jar) [[ $# -ge 2 ]] || die "--jar needs a path"; JAR="$2"; shift ;;
    --keep-data) KEEP_DATA=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
command -v wrk >/dev/null 2>&1 || die "wrk is not installed. Install it with: sudo apt-get install wrk
       (macOS: brew install wrk), then run this script again."
command -v curl >/dev/null 2>&1 || die "curl is not installed (sudo apt-get install curl)."

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
  [[ -n "$JAVA" ]] || die "no java found: set JAVA_HOME to a JDK 25."
  JAVA="$(readlink -f "$JAVA")"
fi
# jcmd must come from the same JDK as the app (another JDK's jcmd may fail to attach).
JCMD="$(dirname "$JAVA")/jcmd"
[[ -x "$JCMD" ]] || die "no jcmd beside $JAVA: point JAVA_HOME at a full JDK 25, not a JRE."
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
[[ "${JAVA_MAJOR:-0}" -ge 25 ]] 2>/dev/null || die "Java 25 or newer needed, $JAVA is ${JAVA_MAJOR:-unknown}."

# ---------------------------------------------------------------------------------------------
# Jar
# ---------------------------------------------------------------------------------------------
find_jar() { ls -t "$ROOT"/target/minga-*.jar 2>/dev/null | head -n 1 || true; }

if [[ -z "$JAR" ]]; then
  JAR="$(find_jar)"
  if [[ "$BUILD" == always || ( -z "$JAR" && "$BUILD" == auto ) ]]; then
    say "building the jar (./mvnw -B -q -DskipTests package)..."
    (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -DskipTests package) \
      || die "build failed"
    JAR="$(find_jar)"
  fi
fi
[[ -n "$JAR" && -f "$JAR" ]] || die "no jar found (looked for target/minga-*.jar); run without --no-build."

# ---------------------------------------------------------------------------------------------
# State and cleanup
# ---------------------------------------------------------------------------------------------
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS_DIR"
RESULT_FILE="$RESULTS_DIR/$STAMP.txt"
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/minga-bench-work.XXXXXX")"
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/minga-bench-data.XXXXXX")"
# mktemp creates the folder 0700. Builds before 0352f87 ran the embedded PostgreSQL as the user
# nobody when started as root, and nobody must be able to enter the folder.
chmod 755 "$DATA_DIR"
APP_PID=""
APP_LOG=""
INVALID=()   # reasons why the figures of this run are not valid

# Stops a PostgreSQL left behind by a killed app, by the pid in its own postmaster.pid.
stop_orphan_postgres() {
  local pidfile="$DATA_DIR/postgres/postmaster.pid" pm
  [[ -f "$pidfile" ]] || return 0
  pm="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  [[ "$pm" =~ ^[0-9]+$ ]] && kill -0 "$pm" 2>/dev/null || return 0
  warn "embedded PostgreSQL (pid $pm) still running after the app stopped; sending it SIGINT"
  kill -INT "$pm" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pm" 2>/dev/null || return 0; sleep 0.1; done
  warn "PostgreSQL pid $pm did not stop"
}

# SIGTERM, wait up to 60 s, then SIGKILL. Sets STOP_MS.
stop_app() {
  STOP_MS=""
  [[ -n "$APP_PID" ]] || return 0
  local pid="$APP_PID" t0 t1
  APP_PID=""
  t0="$(date +%s%N)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "app (pid $pid) did not stop within 60 s of SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  t1="$(date +%s%N)"
  STOP_MS=$(((t1 - t0) / 1000000))
  stop_orphan_postgres
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app || true
  if ((KEEP_DATA)); then say "data folder kept: $DATA_DIR"; else rm -rf "$DATA_DIR"; fi
  rm -rf "$WORK_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
ms_to_s() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
pass_fail() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "PASS" : "FAIL" }'; }

# Minga unpacks its PostgreSQL binaries once into java.io.tmpdir (/tmp on Linux, whatever TMPDIR says).
postgres_binary_dirs() { ls -d /tmp/minga-postgres-* 2>/dev/null | sort || true; }

# Dies, with the last lines of the app log, if the app is no longer running.
check_app_alive() {
  [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null && return 0
  local rc=0 hint=""
  if [[ -n "$APP_PID" ]]; then wait "$APP_PID" || rc=$?; fi
  APP_PID=""
  ((rc == 143 || rc == 130 || rc == 137)) && hint="; it was killed by a signal this script did not send"
  echo "----- last lines of $APP_LOG -----" >&2
  grep -v '^[[:space:]]*at ' "$APP_LOG" | tail -n 30 >&2 || true
  die "the app exited with status $rc $1$hint (log: $APP_LOG)"
}

# Starts the app on DATA_DIR and waits for health UP, polling every 100 ms. Sets START_MS.
start_app() {
  local label="$1" t0 now
  APP_LOG="$RESULTS_DIR/$STAMP-app-$label.log"
  if curl -s -o /dev/null --max-time 1 "$BASE/" 2>/dev/null; then
    die "something already answers on $BASE; stop it or set BENCH_PORT."
  fi
  t0="$(date +%s%N)"
  env -u MINGA_DB_URL -u MINGA_DB_USER -u MINGA_DB_PASSWORD -u MINGA_DB_PORT \
    MINGA_TERRITORY=none MINGA_DATA_DIR="$DATA_DIR" MINGA_PORT="$PORT" MINGA_ADMIN_PASSWORD="$PASSWORD" \
    "$JAVA" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} -jar "$JAR" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  while :; do
    check_app_alive "during the $label start"
    if curl -fsS --max-time 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      break
    fi
    now="$(date +%s%N)"
    if (((now - t0) / 1000000000 >= START_TIMEOUT)); then
      die "no health UP within ${START_TIMEOUT} s on the $label start (log: $APP_LOG)"
    fi
    sleep 0.1
  done
  START_MS=$((($(date +%s%N) - t0) / 1000000))
}

# "Started MingaApplication in X seconds (process running for Y)" from the app log.
spring_started() {
  sed -n 's/.*Started MingaApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 s (JVM up \2 s)/p' \
    "$APP_LOG" | head -n 1
}

# Forces a full GC, then reads heap used/committed (KiB) from GC.heap_info. Sets HEAP_USED_K, HEAP_COMMITTED_K.
heap_after_gc() {
  check_app_alive "before the heap measurement"
  "$JCMD" "$APP_PID" GC.run >/dev/null || die "jcmd GC.run failed on pid $APP_PID"
  sleep 1
  local info
  info="$("$JCMD" "$APP_PID" GC.heap_info)" || die "jcmd GC.heap_info failed on pid $APP_PID"
  HEAP_USED_K="$(printf '%s\n' "$info" | sed -n 's/.* heap .* used \([0-9]*\)K.*/\1/p' | head -n 1)"
  HEAP_COMMITTED_K="$(printf '%s\n' "$info" | sed -n 's/.* heap .*committed \([0-9]*\)K.*/\1/p' | head -n 1)"
  [[ -n "$HEAP_USED_K" ]] || die "could not read heap use from: $info"
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# Proportional set size of the embedded PostgreSQL (postmaster and all its children), KiB.
postgres_pss_kib() {
  local pidfile="$DATA_DIR/postgres/postmaster.pid" pm total=0 p v
  pm="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  [[ "$pm" =~ ^[0-9]+$ ]] || { echo "n/a"; return; }
  for p in "$pm" $(ps -o pid= --ppid "$pm" 2>/dev/null || true); do
    v="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# wrk latency like 812.00us / 1.23ms / 2.01s -> milliseconds
to_ms() {
  awk '{ v = $1
         if (v ~ /us$/)      { sub(/us$/, "", v); v = v / 1000 }
         else if (v ~ /ms$/) { sub(/ms$/, "", v) }
         else if (v ~ /s$/)  { sub(/s$/, "", v); v = v * 1000 }
         else if (v ~ /m$/)  { sub(/m$/, "", v); v = v * 60000 }
         printf "%.2f", v }'
}

# run_wrk NAME URL [wrk args...]: short warm-up, then the measured run with --latency.
run_wrk() {
  local name="$1" url="$2"
  shift 2
  say "wrk $name: warm-up $WRK_WARMUP, then ${WRK_DURATION} with -t$WRK_THREADS -c$WRK_CONNECTIONS (load: $(loadavg))"
  local rc=0
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" --timeout "$WRK_TIMEOUT" "$@" "$url" \
    >"$WORK_DIR/wrk-$name-warmup.txt" 2>&1 || rc=$?
  check_app_alive "during the wrk warm-up on $url"
  ((rc == 0)) || die "wrk warm-up on $url failed: $(cat "$WORK_DIR/wrk-$name-warmup.txt")"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --timeout "$WRK_TIMEOUT" --latency "$@" "$url" \
    >"$WORK_DIR/wrk-$name.txt" 2>&1 || rc=$?
  check_app_alive "during the wrk run on $url"
  ((rc == 0)) || die "wrk on $url failed: $(cat "$WORK_DIR/wrk-$name.txt")"
  local f="$WORK_DIR/wrk-$name.txt"
  WRK_RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f")"
  WRK_P50="$(awk '$1 == "50%" { print $2 }' "$f" | to_ms)"
  WRK_P99="$(awk '$1 == "99%" { print $2 }' "$f" | to_ms)"
  WRK_REQUESTS="$(awk '/requests in/ { print $1 }' "$f")"
  WRK_NON2XX="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")"
  WRK_NON2XX="${WRK_NON2XX:-0}"
  WRK_SOCKET="$(sed -n 's/^ *Socket errors: //p' "$f")"
  WRK_SOCKET="${WRK_SOCKET:-none}"
  local warm_non2xx
  warm_non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK_DIR/wrk-$name-warmup.txt")"
  if [[ "$WRK_NON2XX" != 0 || -n "$warm_non2xx" ]]; then
    INVALID+=("$url: $WRK_NON2XX non-2xx/3xx responses in the measured run, ${warm_non2xx:-0} in the warm-up")
    warn "${INVALID[-1]}"
  fi
  if [[ "$WRK_SOCKET" != none ]]; then
    INVALID+=("$url: socket errors: $WRK_SOCKET")
    warn "${INVALID[-1]}"
  fi
}

# ---------------------------------------------------------------------------------------------
# 1. Cold start: fresh data folder (initdb, migrations, admin user)
# ---------------------------------------------------------------------------------------------
say "jar: $JAR"
say "data folder: $DATA_DIR, port $PORT"
LOAD_BEFORE_COLD="$(loadavg)"
PG_BIN_BEFORE="$(postgres_binary_dirs)"
say "cold start (load: $LOAD_BEFORE_COLD)..."
start_app cold
COLD_MS="$START_MS"
COLD_SPRING="$(spring_started)"
PG_EXTRACTED=no
[[ "$(postgres_binary_dirs)" == "$PG_BIN_BEFORE" ]] || PG_EXTRACTED=yes
say "cold start: $(ms_to_s "$COLD_MS") s to health UP"
stop_app
COLD_STOP_MS="$STOP_MS"

# ---------------------------------------------------------------------------------------------
# 2. Warm start: same, now initialised, data folder
# ---------------------------------------------------------------------------------------------
LOAD_BEFORE_WARM="$(loadavg)"
say "warm start (load: $LOAD_BEFORE_WARM)..."
start_app warm
WARM_MS="$START_MS"
WARM_SPRING="$(spring_started)"
say "warm start: $(ms_to_s "$WARM_MS") s to health UP"

# ---------------------------------------------------------------------------------------------
# 3. Idle memory: let start-up work settle, force a GC, read heap, RSS and PostgreSQL PSS
# ---------------------------------------------------------------------------------------------
sleep 5
heap_after_gc
IDLE_HEAP_K="$HEAP_USED_K"
IDLE_HEAP_COMMITTED_K="$HEAP_COMMITTED_K"
IDLE_RSS_K="$(rss_kib "$APP_PID")"
IDLE_PG_PSS_K="$(postgres_pss_kib)"
say "idle heap after GC: $(kib_to_mib "$IDLE_HEAP_K") MiB, RSS $(kib_to_mib "$IDLE_RSS_K") MiB"

# ---------------------------------------------------------------------------------------------
# 4. Transferred size of the login page and the assets it references (gzip accepted)
# ---------------------------------------------------------------------------------------------
curl -fsS -o "$WORK_DIR/login.html" "$BASE/login" || die "GET /login failed"
mapfile -t ASSETS < <(grep -oE '(href|src)="/[^"#?]+\.(css|js|svg|png|ico|woff2?)"' "$WORK_DIR/login.html" \
  | sed -E 's/^(href|src)="//; s/"$//' | awk '!seen[$0]++')
if ((${#ASSETS[@]} == 0)); then
  warn "no local assets found in /login; using the fixed list"
  ASSETS=(/css/minga.css /webjars/htmx.org/dist/htmx.min.js /img/minga.svg)
fi
SIZE_LINES=()
SIZE_GZ_TOTAL=0
SIZE_RAW_TOTAL=0
for path in /login "${ASSETS[@]}"; do
  out="$(curl -sS -o /dev/null -D "$WORK_DIR/headers" -H 'Accept-Encoding: gzip' \
    -w '%{http_code} %{size_download}' "$BASE$path")" || die "GET $path failed"
  code="${out%% *}"
  gz="${out##* }"
  [[ "$code" == 200 ]] || die "GET $path answered $code"
  enc="$(awk -F': *' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print $2 }' "$WORK_DIR/headers")"
  raw="$(curl -sS -o /dev/null -w '%{size_download}' "$BASE$path")"
  SIZE_GZ_TOTAL=$((SIZE_GZ_TOTAL + gz))
  SIZE_RAW_TOTAL=$((SIZE_RAW_TOTAL + raw))
  SIZE_LINES+=("$(printf '  %-48s %8s B %8s B  %s' "$path" "$gz" "$raw" "${enc:-identity}")")
done

# ---------------------------------------------------------------------------------------------
# 5. Throughput and latency
# ---------------------------------------------------------------------------------------------
AUTH="Basic $(printf 'admin:%s' "$PASSWORD" | base64 | tr -d '\n')"
code="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: $AUTH" "$BASE/api/v1/me")"
[[ "$code" == 200 ]] || die "GET /api/v1/me with Basic admin answered $code (wrong password on an old data folder?)"

LOAD_BEFORE_LOGIN="$(loadavg)"
run_wrk login "$BASE/login"
LOGIN=("$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_REQUESTS" "$WRK_SOCKET" "$WRK_NON2XX")

LOAD_BEFORE_ME="$(loadavg)"
BENCH_AUTHORIZATION="$AUTH" run_wrk me "$BASE/api/v1/me" -s "$BENCH_DIR/basic-auth.lua"
ME=("$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_REQUESTS" "$WRK_SOCKET" "$WRK_NON2XX")

heap_after_gc
LOADED_HEAP_K="$HEAP_USED_K"
LOADED_RSS_K="$(rss_kib "$APP_PID")"

stop_app
WARM_STOP_MS="$STOP_MS"
WARM_LOG_ERRORS="$(grep -c ' ERROR ' "$APP_LOG" || true)"
WARM_LOG_POOL="$(grep -c 'Connection is not available, request timed out' "$APP_LOG" || true)"

# ---------------------------------------------------------------------------------------------
# 6. Summary
# ---------------------------------------------------------------------------------------------
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
# Changes under bench/ and docs/ do not change the app.
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no -- . ':!bench' ':!docs' 2>/dev/null || true)" ]]; then
  COMMIT="$COMMIT (uncommitted changes)"
fi
CPU_MODEL="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
MEM_TOTAL="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
JAVA_VERSION="$("$JAVA" -version 2>&1 | sed -n '2p')"
row() { printf '%-44s %17s %8s %6s\n' "$@"; }

{
  echo "Minga benchmark $STAMP"
  echo
  echo "commit        $COMMIT"
  echo "jar           ${JAR#"$ROOT"/} ($(du -m "$JAR" | cut -f1) MB)"
  echo "machine       $(nproc) CPUs, ${CPU_MODEL:-unknown CPU}, $MEM_TOTAL RAM, $(uname -sr)"
  echo "java          $JAVA_VERSION"
  echo "java options  ${BENCH_JAVA_OPTS:-(none, JVM ergonomics)}"
  echo "wrk           -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --timeout $WRK_TIMEOUT --latency, after a $WRK_WARMUP warm-up; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  echo "load average  cold start $LOAD_BEFORE_COLD | warm start $LOAD_BEFORE_WARM | /login $LOAD_BEFORE_LOGIN | /api/v1/me $LOAD_BEFORE_ME"
  if awk -v n="$(nproc)" -v l="${LOAD_BEFORE_COLD%% *}" 'BEGIN { exit !(l > n / 2) }'; then
    echo
    echo "NOTE: the machine was busy before the benchmark started (1-minute load ${LOAD_BEFORE_COLD%% *} on"
    echo "      $(nproc) CPUs); the figures are noisy. Rerun on an idle machine for comparable figures."
  fi
  if ((${#INVALID[@]})); then
    echo
    echo "NOT VALID: requests failed during the load, so the throughput figures below are not comparable:"
    printf '  - %s\n' "${INVALID[@]}"
  fi
  echo
  row "metric" "value" "target" "holds"
  row "cold start to health UP (s)" "$(ms_to_s "$COLD_MS")" "< $TARGET_COLD_START_S" "$(pass_fail "$(ms_to_s "$COLD_MS")" "$TARGET_COLD_START_S")"
  row "warm start to health UP (s)" "$(ms_to_s "$WARM_MS")" "" ""
  row "idle heap used after GC (MiB)" "$(kib_to_mib "$IDLE_HEAP_K")" "< $TARGET_IDLE_HEAP_MIB" "$(pass_fail "$(kib_to_mib "$IDLE_HEAP_K")" "$TARGET_IDLE_HEAP_MIB")"
  row "idle heap committed (MiB)" "$(kib_to_mib "${IDLE_HEAP_COMMITTED_K:-0}")" "" ""
  row "idle RSS, JVM (MiB)" "$(kib_to_mib "$IDLE_RSS_K")" "" ""
  if [[ "$IDLE_PG_PSS_K" =~ ^[0-9]+$ ]]; then
    row "idle PSS, embedded PostgreSQL (MiB)" "$(kib_to_mib "$IDLE_PG_PSS_K")" "" ""
  fi
  row "GET /login (req/s)" "${LOGIN[0]}" "" ""
  row "GET /login p50 / p99 (ms)" "${LOGIN[1]} / ${LOGIN[2]}" "" ""
  row "GET /api/v1/me, Basic (req/s)" "${ME[0]}" "" ""
  row "GET /api/v1/me p50 / p99 (ms)" "${ME[1]} / ${ME[2]}" "" ""
  row "login page + assets, gzip (bytes)" "$SIZE_GZ_TOTAL" "" ""
  row "login page + assets, uncompressed (bytes)" "$SIZE_RAW_TOTAL" "" ""
  row "heap used after GC after the load (MiB)" "$(kib_to_mib "$LOADED_HEAP_K")" "" ""
  row "RSS after the load, JVM (MiB)" "$(kib_to_mib "$LOADED_RSS_K")" "" ""
  echo
  echo "details"
  echo "  Spring 'Started' (cold)      ${COLD_SPRING:-n/a}"
  echo "  Spring 'Started' (warm)      ${WARM_SPRING:-n/a}"
  echo "  PostgreSQL binaries extracted during the cold start: $PG_EXTRACTED"
  echo "  stop after SIGTERM           cold $(ms_to_s "${COLD_STOP_MS:-0}") s, warm $(ms_to_s "${WARM_STOP_MS:-0}") s"
  echo "  /login wrk                   ${LOGIN[3]} requests, ${LOGIN[5]} non-2xx/3xx, socket errors: ${LOGIN[4]}"
  echo "  /api/v1/me wrk               ${ME[3]} requests, ${ME[5]} non-2xx/3xx, socket errors: ${ME[4]}"
  echo "  app log of the warm run      $WARM_LOG_ERRORS ERROR lines, $WARM_LOG_POOL JDBC pool timeouts"
  echo "  transferred sizes            (gzip accepted / uncompressed / content-encoding)"
  printf '%s\n' "${SIZE_LINES[@]}"
  echo
  echo "----- wrk /login -----"
  cat "$WORK_DIR/wrk-login.txt"
  echo "----- wrk /api/v1/me -----"
  cat "$WORK_DIR/wrk-me.txt"
} >"$RESULT_FILE"

sed '/^----- wrk \/login -----$/,$d' "$RESULT_FILE"
say "written to ${RESULT_FILE#"$ROOT"/} (app logs: ${RESULTS_DIR#"$ROOT"/}/$STAMP-app-*.log)"
if ((${#INVALID[@]})); then
  say "FAILED: requests failed under load (see NOT VALID above and the app log)"
  exit 3
fi
