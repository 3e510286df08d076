#!/usr/bin/env bash
# The memory figures of docs/detect.md: `detect islands` (and, with MODEL=DIR or a shipped name,
# `detect run --model MODEL`) on simulated EMU-pilot maps of 2048 and 4096 px (seed 2, no
# benchmark sets) in a HEAP-limited JVM (default 64m), with the GC log; prints per map and detector
# the wall time, the largest heap left after a young or full collection, and the process RSS (GNU
# time; libtorch's native memory is in the RSS, not in the heap).
#
#   scripts/detect-memory.sh [OUT]              # OUT defaults to detect-memory (must not exist)
#   MODEL=det/model scripts/detect-memory.sh    # the network too
#   MODEL=radioclr-detect-sim-v1 scripts/detect-memory.sh   # the shipped detector
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
OUT="${1:-detect-memory}"
HEAP="${HEAP:-64m}"
MODEL="${MODEL:+$(model_path "$MODEL")}"
new_out_folder detect-memory "$OUT"
cd "$OUT"
if [ -n "$MODEL" ] && [ ! -d "$MODEL" ]; then
  # a shipped detector is unpacked into the cache on first use, which wants more than 64 MB
  "$RADIOCLR" bench detect --model "$MODEL" --size 256 --threads 1 >/dev/null 2>&1
fi

measure() { # NAME SIZE COMMAND...: runs the command with the heap limit and GC log, prints a line
  local name="$1" size="$2"
  shift 2
  /usr/bin/time -v -o "time-$name-$size.txt" env \
    RADIOCLR_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=gc-$name-$size.log" "$@" 2>/dev/null \
    | grep -E ": [0-9]+ (objects|islands) "
  local live wall rss
  live=$(grep -E "Pause (Young|Full)" "gc-$name-$size.log" | grep -oE "[0-9]+M->[0-9]+M" \
    | sed -E 's/.*->//; s/M//' | sort -n | tail -1)
  wall=$(grep "Elapsed" "time-$name-$size.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "time-$name-$size.txt" | awk '{print int($NF / 1024)}')
  echo "$name, map ${size}x${size}: wall $wall, heap limit $HEAP, largest live heap after GC ${live} MB, RSS ${rss} MB"
}

for size in 2048 4096; do
  "$RADIOCLR" simulate --out "sim-$size" --seed 2 --size "$size" --no-sets >/dev/null
  map="sim-$size/field-000/map.fits"
  measure islands "$size" "$RADIOCLR" detect islands "$map" --out "islands-$size"
  if [ -n "$MODEL" ]; then
    measure network "$size" "$RADIOCLR" detect run --model "$MODEL" "$map" --out "network-$size"
  fi
done
