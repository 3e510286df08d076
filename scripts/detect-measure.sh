#!/usr/bin/env bash
# The detection figures of README's `radioclr detect` section: the radioclr commands that make them.
#
#   scripts/detect-measure.sh [OUT]     # OUT defaults to detect-measure (must not exist)
#
# Steps: two simulated EMU-pilot-like fields of 2048 px (seed 11) give the training detection set
# (sets/detection, ~100 annotated 256-px frames), one more field (seed 12) the test set (~58
# frames); `detect train` from scratch (or INIT: a SimCLR run, a .safetensors file) on the
# training set (10% held out for validation), EPOCHS epochs (default 15) of 64-px crops, batch 8,
# decoder width 32, lr 2e-3, seed 1; `detect evaluate` of the model and the island baseline on the test set
# (caesar-mrcnn protocol, score 0.5, IoU 0.6) into OUT/eval. EPOCHS=1 gives a quick smoke run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RADIOCLR="${RADIOCLR:-$ROOT/radioclr}"
OUT="${1:-detect-measure}"
EPOCHS="${EPOCHS:-15}"
INIT="${INIT:-scratch}"
if [ -e "$OUT" ]; then
  echo "detect-measure: $OUT exists; choose a new folder" >&2
  exit 1
fi
mkdir -p "$OUT"
cd "$OUT"
"$RADIOCLR" simulate --out sim-train --preset emu-pilot --fields 2 --size 2048 --seed 11
"$RADIOCLR" simulate --out sim-test --preset emu-pilot --fields 1 --size 2048 --seed 12
"$RADIOCLR" detect train --data sim-train/sets/detection/datalist.json --init "$INIT" \
  --epochs "$EPOCHS" --crop 64 --batch-size 8 --lr 2e-3 --decoder-channels 32 --seed 1 \
  --checkpoint-every 3 --out run
"$RADIOCLR" detect evaluate --data sim-test/sets/detection/datalist.json --model run/model \
  --out eval
