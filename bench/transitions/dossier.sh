#!/usr/bin/env bash
# Dossier benchmark: the candidate dossier of a 20-member scheme (the region: every member) generated
# from live data as a PDF. The scheme is made through the API (20 Norte de Santander members, a
# monthly contribution rule with its 240 obligations, 20 mayors) and seeded with seed.sql (400
# projects, 1,200 beneficiaries, 800 financing lines, 200 needs, 30 goals with 240 measurements).
# Then, through POST /api/v1/transitions/schemes/{id}/elections/{e}/candidates/{c}/deliveries:
#   (a) N deliveries each after a change of the data (a new need): every one builds the dossier,
#       hashes it, renders the PDF and stores the new version;
#   (b) N deliveries with no change: build and hash only, the stored version is reused;
# and prints the median, p95 and maximum of curl's total time of each, sequential requests.
# Writes bench/results/dossier-<timestamp>.txt (git-ignored).
#
# Usage: bash bench/transitions/dossier.sh [--no-build]
# Environment: BENCH_PORT=18083 BENCH_DOSSIERS=20 BENCH_KEEP=1 MINGA_TERRITORY_DATA JAVA_HOME (JDK 25)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/transitions"
PORT="${BENCH_PORT:-18083}"
NAME=dossier
N="${BENCH_DOSSIERS:-20}"
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
say "importing the Colombian territory"
bench_import co-mgn2018-departamentos.geojson:CO_DANE_MGN_DEPARTAMENTOS co-mgn2018-municipios.geojson:CO_DANE_MGN_MUNICIPIOS
PSQL=(psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U minga -d minga)
api() { # method, path, json
  curl -fsS -X "$1" -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d "$3" "$BASE$2"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

SCHEME=$(api POST /api/v1/registry/schemes '{"name":"Esquema expediente 20","acronym":"EX","country":"CO"}' | json '["id"]')
mapfile -t UNITS < <("${PSQL[@]}" -A -t -c "select distinct code from territorial_unit where country = 'CO' and level = 'MUNICIPALITY'
  and code like '54%' order by code limit 20")
[[ ${#UNITS[@]} == 20 ]] || die "expected 20 Norte de Santander municipalities, found ${#UNITS[@]}"
say "scheme $SCHEME: joining 20 members, a contribution rule, 20 mayors"
for u in "${UNITS[@]}"; do
  api POST "/api/v1/registry/schemes/$SCHEME/members" "{\"unitCode\":\"$u\",\"joinedOn\":\"2020-01-01\",\"delegate\":\"Delegado $u\"}" >/dev/null
  api POST "/api/v1/transitions/schemes/$SCHEME/mayors" "{\"unitCode\":\"$u\",\"name\":\"Alcaldía $u\",\"party\":\"Partido\"}" >/dev/null
done
MEMBERS=$(printf '"%s",' "${UNITS[@]}"); MEMBERS="[${MEMBERS%,}]"
YEAR=$(date +%Y)
RULE=$(api POST "/api/v1/finance/schemes/$SCHEME/rules" "{\"year\":$YEAR,\"name\":\"Cuota ordinaria\",\"kind\":\"FIXED\",\"amount\":2500000,
  \"periodicity\":\"MONTHLY\",\"currency\":\"COP\",\"dueDay\":10,\"members\":$MEMBERS}" | json '["id"]')
api POST "/api/v1/finance/schemes/$SCHEME/rules/$RULE/obligations" '' >/dev/null
"${PSQL[@]}" -q -P pager=off -v scheme="$SCHEME" -f "$HERE/seed.sql" >&2
ELECTION=$(api POST "/api/v1/transitions/schemes/$SCHEME/elections" '{"name":"Regionales","heldOn":"2027-10-31"}' | json '["id"]')
CANDIDATE=$(api POST "/api/v1/transitions/schemes/$SCHEME/elections/$ELECTION/candidates" '{"name":"Candidata"}' | json '["id"]')
DELIVER="$BASE/api/v1/transitions/schemes/$SCHEME/elections/$ELECTION/candidates/$CANDIDATE/deliveries"

time_delivery() {
  curl -fsS -o "$WORK/delivery.json" -w '%{time_total}\n' -X POST -u "admin:$PASSWORD" "$DELIVER"
}
say "warming up (5 deliveries)"
for _ in 1 2 3 4 5; do
  "${PSQL[@]}" -q -c "insert into investment_need (scheme_id, unit_code, sector, description, priority, origin, created_by)
    values ($SCHEME, '${UNITS[0]}', 'Agua', 'Calentamiento', 3, 'OTHER', 'bench')"
  time_delivery >/dev/null
done
: >"$WORK/changed"; : >"$WORK/same"
for i in $(seq 1 "$N"); do
  "${PSQL[@]}" -q -c "insert into investment_need (scheme_id, unit_code, sector, description, priority, origin, created_by)
    values ($SCHEME, '${UNITS[$((i % 20))]}', 'Agua', 'Necesidad nueva $i', 2, 'OTHER', 'bench')"
  time_delivery >>"$WORK/changed"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["newVersion"] else 1)' "$WORK/delivery.json" \
    || die "a changed dossier did not make a new version"
done
for _ in $(seq 1 "$N"); do time_delivery >>"$WORK/same"; done
VERSION=$(json '["version"]["id"]' <"$WORK/delivery.json")
BYTES=$(curl -fsS -u "admin:$PASSWORD" "$BASE/api/v1/transitions/schemes/$SCHEME/dossiers/$VERSION.pdf" | wc -c)

RESULT="$ROOT/bench/results/dossier-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$(dirname "$RESULT")"
{
  echo "Minga dossier benchmark $(date -u +%FT%TZ) on $(nproc) CPUs, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "scheme $SCHEME: 20 members, 400 projects, 240 obligations, 30 goals, 200+ needs; PDF of the last version: $BYTES bytes"
  python3 - "$WORK/changed" "$WORK/same" <<'PY'
import statistics, sys
for label, path in (("(a) new version: build, hash, PDF, store", sys.argv[1]), ("(b) same version: build and hash", sys.argv[2])):
    t = sorted(float(x) * 1000 for x in open(path) if x.strip())
    p95 = t[min(len(t) - 1, int(round(0.95 * len(t) + 0.5)) - 1)]
    print(f"{label:44s} n {len(t):3d}  median {statistics.median(t):7.1f} ms  p95 {p95:7.1f} ms  max {t[-1]:7.1f} ms")
PY
} | tee "$RESULT"
say "results in $RESULT"
