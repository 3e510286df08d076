#!/usr/bin/env bash
# radioclr's SimCLR training step against the PyTorch peer (scripts/peers/simclr_step.py), on this
# machine, in one run: `./radioclr bench train` and the peer with the same options, ROUNDS times in
# turn (the machine's load moves; each round times both back to back), then one table of img/s
# and the ratio radioclr / PyTorch per round: for the model step alone (same network, loss and
# Adam on one fixed batch: the kernels and the host<->native traffic) and for radioclr's whole
# step (its data pipeline feeding the model) against the PyTorch model step (no data pipeline).
#
# Usage: scripts/bench-train-peer.sh [bench train options: --image-size, --batch, --stem, --steps]
#   ROUNDS=2 (default) rounds; PYTHON=/usr/bin/python3 (Debian python3-torch, python3-torchvision).
# Examples:
#   scripts/bench-train-peer.sh --stem standard
#   scripts/bench-train-peer.sh --image-size 224 --batch 32 --steps 3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
ROUNDS="${ROUNDS:-2}"
PEER_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --image-size | --batch | --stem | --steps)
      [ $# -ge 2 ] || { echo "bench-train-peer: $1 needs a value" >&2; exit 2; }
      PEER_ARGS+=("$1" "$2")
      shift 2
      ;;
    *)
      echo "bench-train-peer: unknown option $1 (takes --image-size, --batch, --stem, --steps)" >&2
      exit 2
      ;;
  esac
done
if ! "$PYTHON" -c 'import torch, torchvision' 2>/dev/null; then
  echo "bench-train-peer: $PYTHON cannot import torch and torchvision" \
    "(apt-get install python3-torch python3-torchvision)" >&2
  exit 1
fi

# img/s of the row starting with $1 (the rows end with: img/s views/s)
rate() {
  awk -v stage="$1" 'index($0, stage) == 1 { print $(NF - 1) }' | tail -1
}

rows=()
for round in $(seq 1 "$ROUNDS"); do
  ours="$("$ROOT/radioclr" bench train "${PEER_ARGS[@]}")"
  echo "$ours" | head -1 >&2
  peer="$("$PYTHON" "$ROOT/scripts/peers/simclr_step.py" "${PEER_ARGS[@]}")"
  echo "$peer" | head -1 >&2
  ours_model="$(echo "$ours" | rate "model step only")"
  ours_whole="$(echo "$ours" | rate "whole training step")"
  peer_model="$(echo "$peer" | rate "model step only")"
  if [ -z "$ours_model" ] || [ -z "$ours_whole" ] || [ -z "$peer_model" ]; then
    echo "bench-train-peer: round $round: no img/s row in the output:" >&2
    echo "$ours" >&2
    echo "$peer" >&2
    exit 1
  fi
  rows+=("$round $ours_model $ours_whole $peer_model")
done

printf '%5s %14s %14s %14s %12s %12s\n' round "radioclr model" "radioclr whole" "PyTorch model" \
  "model ratio" "whole ratio"
for row in "${rows[@]}"; do
  read -r round om ow pm <<<"$row"
  awk -v r="$round" -v om="$om" -v ow="$ow" -v pm="$pm" 'BEGIN {
    printf "%5d %14.1f %14.1f %14.1f %11.2fx %11.2fx\n", r, om, ow, pm, om / pm, ow / pm }'
done
echo "(img/s, an image being a pair of views; ratios are radioclr / PyTorch model step)"
