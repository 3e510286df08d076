#!/usr/bin/env bash
# radioclr's pre-processing against the astropy/numpy/Pillow peer (scripts/peers/preprocess.py) on
# this machine, in one run: both on one thread (one process) on the same FITS frames, ROUNDS times
# in turn (the machine's load moves; each round times both back to back), then one table of
# cutouts/s per round with the ratio, the median ratio, and the load average before each round.
#
# Usage: scripts/bench-preprocess-peer.sh [FRAMES_DIR]
#   FRAMES_DIR: frames kept by `./radioclr bench preprocess --keep-frames DIR` (default:
#   bench-frames, made on first use). ROUNDS=3 (default); SECONDS_PER_ROW=5;
#   PYTHON=/usr/bin/python3 (Debian python3-astropy, python3-numpy, python3-pil).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
ROUNDS="${ROUNDS:-3}"
SECONDS_PER_ROW="${SECONDS_PER_ROW:-5}"
DIR="${1:-bench-frames}"
if ! "$PYTHON" -c 'import astropy, numpy, PIL' 2>/dev/null; then
  echo "bench-preprocess-peer: $PYTHON cannot import astropy, numpy and PIL" \
    "(apt-get install python3-astropy python3-numpy python3-pil)" >&2
  exit 1
fi
if [ ! -d "$DIR/hulk/frames" ]; then
  "$ROOT/radioclr" bench preprocess --threads 1 --seconds 1 --keep-frames "$DIR" >/dev/null
fi
FRAMES=("$DIR"/hulk/frames/*.fits)

# cutouts/s of the 1-thread row of a bench table
rate() {
  awk '$1 == 1 { print $3 }' | tail -1
}

rows=()
for round in $(seq 1 "$ROUNDS"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  ours="$("$ROOT/radioclr" bench preprocess --threads 1 --seconds "$SECONDS_PER_ROW" "${FRAMES[@]}" | rate)"
  peer="$("$PYTHON" "$ROOT/scripts/peers/preprocess.py" --threads 1 --seconds "$SECONDS_PER_ROW" \
    "${FRAMES[@]}" | rate)"
  if [ -z "$ours" ] || [ -z "$peer" ]; then
    echo "bench-preprocess-peer: round $round: no 1-thread row in an output" >&2
    exit 1
  fi
  rows+=("$round $load $ours $peer")
done

printf '%5s %6s %12s %12s %7s\n' round load radioclr astropy ratio
for row in "${rows[@]}"; do
  read -r round load ours peer <<<"$row"
  awk -v r="$round" -v l="$load" -v o="$ours" -v p="$peer" 'BEGIN {
    printf "%5d %6s %12.1f %12.1f %6.1fx\n", r, l, o, p, o / p }'
done
printf '%s\n' "${rows[@]}" | awk '{ print $3 / $4 }' | sort -g | awk '{ r[NR] = $1 } END {
  printf "median ratio %.1fx over %d rounds (cutouts/s, 1 thread / 1 process each, %d frames)\n",
    r[int((NR + 1) / 2)], NR, '"${#FRAMES[@]}"' }'
