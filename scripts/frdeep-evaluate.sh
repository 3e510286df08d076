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
source "$(dirname "${BASH_SOURCE[0]}")/frdeep-common.sh"
OUT="${1:-frdeep-evaluate}"
EPOCHS="${EPOCHS:-20}"
frdeep_start frdeep-evaluate "$OUT"
cd "$OUT"
python3 "$ROOT/scripts/frdeep-datalists.py" "$FRDEEP"
"$RADIOCLR" train simclr --datalist train.json --out run64 --image-size 64 --stem standard \
  --batch 64 --epochs "$EPOCHS" --lr 1e-3 --seed 1
"$RADIOCLR" evaluate --encoder run64 --labelled all.json --splits 5 --seed 1 --out eval-all
"$RADIOCLR" evaluate --encoder run64 --labelled test.json --splits 5 --seed 1 --out eval-test
