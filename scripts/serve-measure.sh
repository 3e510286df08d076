#!/usr/bin/env bash
# The load and durability figures of README's `radioclr serve` section: runs radioclr-serve's
# LoadTest and DurabilityTest at the issue's sizes (the test suite runs them shorter) and prints
# their figures.
#
#   scripts/serve-measure.sh [MAVEN ARGS...]      # e.g. -o to build offline
#
# LoadTest: LOAD_CLIENTS (200) concurrent loopback clients, 20 users, each looping "read a random
# thumbnail, post a rating" for LOAD_SECONDS (60); every request must succeed; prints requests,
# rate and p50/p99/max latency of the thumbnails and of the ratings.
# DurabilityTest: the server in its own JVM, killed with SIGKILL DURABILITY_KILLS (5) times while a
# client posts DURABILITY_RATINGS (1000) ratings; every acknowledged rating must be in the
# database after the restarts; prints ratings sent, acknowledged, cut by the kills and lost.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
LOAD_CLIENTS="${LOAD_CLIENTS:-200}"
DURABILITY_RATINGS="${DURABILITY_RATINGS:-1000}"
DURABILITY_KILLS="${DURABILITY_KILLS:-5}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
./mvnw -B -q -pl radioclr-serve -am install -DskipTests "$@"
echo "serve-measure: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
./mvnw -B -pl radioclr-serve test -Dtest='LoadTest,DurabilityTest' \
  "-Dradioclr.serve.loadSeconds=$LOAD_SECONDS" "-Dradioclr.serve.loadClients=$LOAD_CLIENTS" \
  "-Dradioclr.serve.durabilityRatings=$DURABILITY_RATINGS" \
  "-Dradioclr.serve.durabilityKills=$DURABILITY_KILLS" "$@" > "$log" 2>&1 || status=$?
grep -E '^(load|durability):' "$log" || true
if [ "$status" -ne 0 ]; then
  grep -E 'Tests run:|FAIL|expected' "$log" | head -20 >&2
  echo "serve-measure: the tests failed (exit $status)" >&2
fi
exit "$status"
