#!/usr/bin/env bash
# Knowledge-base search benchmark: 50,000 items seeded by seed.sql (about 130 words each), then
# GET /api/v1/knowledge/search?q=...&size=20 (rank, highlighted fragments of the page's 20 hits)
# at BENCH_WRK_CONNECTIONS concurrent connections for each query:
#   (a) "participacion"                 a field word without its accent: about 10 % of the items match
#   (b) "participacion comunitaria"     two words: about 1 % match
#   (c) "acueducto veredal cuenca"      three words: a few dozen match
#   (d) "participaciones" with factor=3 a variant (the plural), filtered by a key factor
#   (e) /api/v1/me, the trivial endpoint, for the ratio
# Each query is measured twice: one client in sequence (BENCH_SEQUENTIAL=200 curl requests after 20
# of warm-up; the latency a person sees) and wrk at BENCH_WRK_CONNECTIONS connections (p95 and p99
# from wrk's full latency histogram, bench/registry/header.lua).
# Writes bench/results/knowledge-<timestamp>.txt (git-ignored).
#
# Usage: bash bench/knowledge/search.sh [--no-build]
# Environment: BENCH_PORT=18084 BENCH_WRK_CONNECTIONS=4 BENCH_WRK_DURATION=15s BENCH_WRK_WARMUP=10s BENCH_KEEP=1 JAVA_HOME
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/knowledge"
PORT="${BENCH_PORT:-18084}"
NAME=knowledge
CONNECTIONS="${BENCH_WRK_CONNECTIONS:-4}"
SEQUENTIAL="${BENCH_SEQUENTIAL:-200}"
WARMUP="${BENCH_WRK_WARMUP:-10s}"
DURATION="${BENCH_WRK_DURATION:-15s}"
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
bench_start
PSQL=(psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga)
say "seeding 50,000 knowledge items"
SEED_START=$(date +%s)
COUNTS=$("${PSQL[@]}" -q -P pager=off -f "$HERE/seed.sql")
echo "$COUNTS" >&2
say "seeded in $(( $(date +%s) - SEED_START )) s"

RESULT="$ROOT/bench/results/knowledge-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
sequential() { # name, path: curl in a loop, one request at a time
  local i
  for i in $(seq 1 20); do curl -fsS -o /dev/null -u "admin:$PASSWORD" "$BASE$2"; done
  for i in $(seq 1 "$SEQUENTIAL"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -u "admin:$PASSWORD" "$BASE$2"
  done | python3 -c '
import statistics, sys
t = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
p = lambda q: t[min(len(t) - 1, int(round(q * len(t) + 0.5)) - 1)]
print(f"{sys.argv[1]:40s} 1 client: median {statistics.median(t):6.1f} ms  p95 {p(0.95):6.1f} ms  p99 {p(0.99):6.1f} ms  (n {len(t)})")
' "$1" | tee -a "$RESULT"
}
measure() { # name, path
  local out
  curl -fsS -u "admin:$PASSWORD" "$BASE$2" >"$WORK/check.json" || die "$1 fails at $2"
  sequential "$1" "$2"
  BENCH_HEADER="Authorization: $AUTH" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/registry/header.lua" "$BASE$2" >/dev/null
  out=$(BENCH_HEADER="Authorization: $AUTH" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/registry/header.lua" "$BASE$2")
  printf '%-40s wrk -c%s: p95 %7s ms  p99 %7s ms  %8s req/s  errors %s  hits on page %s\n' "$1" "$CONNECTIONS" \
    "$(awk '/^p95_ms/ { print $2 }' <<<"$out")" "$(awk '/^p99_ms/ { print $2 }' <<<"$out")" \
    "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(awk '/^errors/ { print $2 }' <<<"$out")" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("hits", [])))' "$WORK/check.json" 2>/dev/null || echo -)" \
    | tee -a "$RESULT"
}
{
  echo "Minga knowledge search benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "$COUNTS" | sed -n '1,3p'
  echo "wrk: 2 threads, $CONNECTIONS connections, $DURATION after $WARMUP of warm-up"
} | tee "$RESULT"
measure "(a) participacion" "/api/v1/knowledge/search?q=participacion&size=20"
measure "(b) participacion comunitaria" "/api/v1/knowledge/search?q=participacion%20comunitaria&size=20"
measure "(c) acueducto veredal cuenca" "/api/v1/knowledge/search?q=acueducto%20veredal%20cuenca&size=20"
measure "(d) participaciones, factor 3" "/api/v1/knowledge/search?q=participaciones&factor=3&size=20"
measure "(e) /api/v1/me" "/api/v1/me"
say "results in $RESULT"
