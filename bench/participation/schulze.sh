#!/usr/bin/env bash
# Schulze benchmark: 1,000,000 distinct ballots over 50 options (half complete rankings, half
# partial, fixed seed), timing aggregation + strongest paths + ranking in process, no HTTP and no
# database: one warm-up, then five runs; prints the median. Target: under 2 s. See docs/PERFORMANCE.md.
#
# Usage: bash bench/participation/schulze.sh [--no-build] [ballots] [options] [runs]
# Environment: JAVA_HOME (JDK 25), BENCH_HEAP (default 2g)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  (cd "$ROOT" && ./mvnw -B -q test-compile)
fi
exec "$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-2g}" -cp "$ROOT/target/classes:$ROOT/target/test-classes" \
  org.minga.participation.internal.voting.SchulzeBench "${1:-1000000}" "${2:-50}" "${3:-5}"
