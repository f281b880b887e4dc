# Shared by the benchmarks (source it): a fresh Minga on its embedded database, the territory
# imported through the API, psql on the same database. The caller sets ROOT, PORT and NAME first.
source "$ROOT/bench/territory-files.sh"
DATA_FILES="${MINGA_TERRITORY_DATA:-$(reference_territory)}"
PASSWORD="bench-Minga-Admin-2026"
BASE="http://127.0.0.1:$PORT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
AUTH="Basic $(printf 'admin:%s' "$PASSWORD" | base64)"
say() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

# Checks the tools and the territory files; builds the jar unless $1 is empty and a jar exists.
bench_prepare() {
  local build="$1"
  for tool in curl wrk psql python3; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install $tool)"; done
  [[ -f "$DATA_FILES/co-mgn2018-municipios.geojson" ]] || die "territory files missing in $DATA_FILES (see README)"
  if [[ -n "$build" || -z "$(ls "$ROOT"/target/minga-*.jar 2>/dev/null)" ]]; then
    say "building the jar"
    (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -q -B -DskipTests package)
  fi
  JAR="$(ls "$ROOT"/target/minga-*.jar | grep -v plain | head -1)"
}

# Starts Minga on a new data folder (removed at exit unless BENCH_KEEP=1) and points psql at it.
bench_start() {
  WORK="$(mktemp -d "/tmp/minga-bench-$NAME.XXXXXX")"
  APP_PID=""
  trap bench_cleanup EXIT
  chmod 755 "$WORK"
  say "starting Minga on $BASE (data in $WORK)"
  # The benchmarks import the territory themselves (and time it): no load on the first start.
  MINGA_TERRITORY=none MINGA_DATA_DIR="$WORK/data" MINGA_ADMIN_PASSWORD="$PASSWORD" "$JAVA" -jar "$JAR" --server.port="$PORT" \
    >"$WORK/app.out" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$BASE/actuator/health" >/dev/null || die "Minga did not start; see $WORK/app.out"
  PGPORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
  PGPASSWORD=$(cat "$WORK/data/postgres.password")
  export PGPORT PGPASSWORD
}

bench_cleanup() {
  if [[ -n "${BENCH_KEEP:-}" ]]; then say "kept running: $BASE, data in $WORK (stop: kill $APP_PID)"; return; fi
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && { wait "$APP_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}

bench_wait_job() { # job id, what
  local status
  for _ in $(seq 1 600); do
    status=$(curl -fs -u "admin:$PASSWORD" "$BASE/api/v1/jobs/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [[ "$status" == SUCCEEDED ]] && return 0
    [[ "$status" == QUEUED || "$status" == RUNNING ]] || die "$2 ended $status"
    sleep 1
  done
  die "$2 did not finish in 10 minutes"
}

# Imports territory files given as file:SOURCE pairs, one job each.
bench_import() {
  local pair job
  for pair in "$@"; do
    job=$(curl -fs -u "admin:$PASSWORD" -F "file=@$DATA_FILES/${pair%%:*}" -F "source=${pair##*:}" \
      "$BASE/api/v1/territory/imports" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobId"])')
    bench_wait_job "$job" "import of ${pair%%:*}"
  done
}
