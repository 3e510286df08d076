#!/usr/bin/env bash
# The FR-DEEP figures of README's `radioclr evaluate` section: the radioclr commands that make them.
#
#   scripts/frdeep-evaluate.sh [OUT]     # OUT defaults to frdeep-evaluate (must not exist)
#
# Needs the FR-DEEP data set in shared/data/frdeep-first (found as scripts/frdeep-table.sh finds
# it; or set FRDEEP) and a python3 (standard library only) for the datalists.
# Steps, seed 1: datalists train.json (460), test.json (198) and all.json (658) from labels.csv;
# `train simclr` on train.json (64 px, standard stem, batch 64, lr 1e-3, EPOCHS epochs, default
# 20); `evaluate --splits 5` of that encoder on all.json and on test.json (OUT/eval-all,
# OUT/eval-test). EPOCHS=1 gives a quick smoke run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RADIOCLR="$ROOT/radioclr"
if [ -z "${FRDEEP:-}" ]; then
  dir="$ROOT"
  while [ "$dir" != / ] && [ ! -d "$dir/shared/data/frdeep-first" ]; do dir="$(dirname "$dir")"; done
  FRDEEP="$dir/shared/data/frdeep-first"
fi
OUT="${1:-frdeep-evaluate}"
EPOCHS="${EPOCHS:-20}"
if [ ! -f "$FRDEEP/labels.csv" ]; then
  echo "frdeep-evaluate: no FR-DEEP data in $FRDEEP (set FRDEEP=/path/to/frdeep-first)" >&2
  exit 1
fi
if [ -e "$OUT" ]; then
  echo "frdeep-evaluate: $OUT exists; choose a new folder" >&2
  exit 1
fi
mkdir -p "$OUT"
cd "$OUT"
python3 "$ROOT/scripts/frdeep-datalists.py" "$FRDEEP"
"$RADIOCLR" train simclr --datalist train.json --out run64 --image-size 64 --stem standard \
  --batch 64 --epochs "$EPOCHS" --lr 1e-3 --seed 1
"$RADIOCLR" evaluate --encoder run64 --labelled all.json --splits 5 --seed 1 --out eval-all
"$RADIOCLR" evaluate --encoder run64 --labelled test.json --splits 5 --seed 1 --out eval-test
