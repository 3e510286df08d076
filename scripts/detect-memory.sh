#!/usr/bin/env bash
# The memory figures of docs/detect.md: `detect islands` on simulated EMU-pilot maps of 2048 and
# 4096 px (seed 2, no benchmark sets) in a HEAP-limited JVM (default 64m), with the GC log; prints
# per map the wall time, the largest heap left after a young or full collection, and the process
# RSS (GNU time).
#
#   scripts/detect-memory.sh [OUT]      # OUT defaults to detect-memory (must not exist)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
OUT="${1:-detect-memory}"
HEAP="${HEAP:-64m}"
new_out_folder detect-memory "$OUT"
cd "$OUT"
for size in 2048 4096; do
  "$RADIOCLR" simulate --out "sim-$size" --seed 2 --size "$size" --no-sets >/dev/null
  /usr/bin/time -v -o "time-$size.txt" env \
    RADIOCLR_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=gc-$size.log" \
    "$RADIOCLR" detect islands "sim-$size/field-000/map.fits" --out "islands-$size" \
    2>/dev/null | grep islands
  live=$(grep -E "Pause (Young|Full)" "gc-$size.log" | grep -oE "[0-9]+M->[0-9]+M" \
    | sed -E 's/.*->//; s/M//' | sort -n | tail -1)
  wall=$(grep "Elapsed" "time-$size.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "time-$size.txt" | awk '{print int($NF / 1024)}')
  echo "map ${size}x${size}: wall $wall, heap limit $HEAP, largest live heap after GC ${live} MB, RSS ${rss} MB"
done
