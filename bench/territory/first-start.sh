#!/usr/bin/env bash
# The first start as a new user makes it: the jar on an empty data folder with no setting at all.
# Times, from launch, (1) health UP and (2) the moment the API pages through the reference
# territory: 1,122 Colombian municipalities, 262 Salvadoran districts in 2020 read as
# municipalities, 44 municipalities in 2025. The admin password is the one printed once.
# Usage: bash bench/territory/first-start.sh [runs]   (JAVA_HOME = JDK 25; builds the jar if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${BENCH_PORT:-18085}"
RUNS="${1:-3}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
BASE="http://127.0.0.1:$PORT/api/v1/territory/units"
JAR=$(ls "$ROOT"/target/minga-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then (cd "$ROOT" && ./mvnw -q -B -DskipTests package); JAR=$(ls "$ROOT"/target/minga-*.jar | grep -v plain | head -1); fi

count() { # query → number of units, paging 1,000 at a time
  local total=0 page=0 body
  while :; do
    body=$(curl -fs -u "admin:$PASSWORD" "$BASE?$1&size=1000&page=$page") || { echo -1; return; }
    total=$((total + $(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))' <<<"$body")))
    python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["hasNext"] else 1)' <<<"$body" || break
    page=$((page + 1))
  done
  echo "$total"
}

for run in $(seq 1 "$RUNS"); do
  WORK=$(mktemp -d /tmp/minga-first-start.XXXXXX); chmod 755 "$WORK"
  t0=$(date +%s%N)
  (cd "$WORK" && exec env -u MINGA_TERRITORY -u MINGA_DEMO -u MINGA_ADMIN_PASSWORD -u MINGA_DB_URL \
    MINGA_PORT="$PORT" "$JAVA" -jar "$JAR" >"$WORK/out.log" 2>&1) &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' EXIT
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do sleep 0.1; done
  up=$(( ($(date +%s%N) - t0) / 1000000 ))
  PASSWORD=$(sed -n 's/.*contraseña: *//p' "$WORK/out.log" | head -1)
  until [ "$(count 'country=CO&level=MUNICIPALITY')" = 1122 ]; do
    (( ($(date +%s%N) - t0) / 1000000000 < 300 )) || { echo "no territory after 300 s (log: $WORK/out.log)" >&2; exit 1; }
    sleep 0.2
  done
  co=$(( ($(date +%s%N) - t0) / 1000000 ))
  until [ "$(count 'country=SV&level=MUNICIPALITY&at=2025-01-01')" = 44 ]; do sleep 0.2; done
  sv2020=$(count 'country=SV&level=MUNICIPALITY&at=2020-01-01')
  sv2025d=$(count 'country=SV&level=DISTRICT&at=2025-01-01')
  all=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "run $run: health UP ${up} ms; CO 1122 municipalities ${co} ms; SV 44 municipalities (2025) ${all} ms; SV 2020: $sv2020 municipalities; SV 2025: $sv2025d districts"
  kill $APP; wait $APP 2>/dev/null || true; rm -rf "$WORK"; trap - EXIT
  while curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do sleep 0.2; done
done
