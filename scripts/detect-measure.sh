#!/usr/bin/env bash
# The detection figures of README's `radioclr detect` section and docs/detect.md: the radioclr
# commands that make them.
#
#   scripts/detect-measure.sh [OUT]     # OUT defaults to detect-measure (must not exist)
#
# Steps: FIELDS simulated EMU-pilot-like fields of 2048 px (seed 11; default 8, ~420 annotated
# 256-px frames) give the training detection set, one more field (seed 12, 58 frames, 967 true
# sources) the test set and one (seed 13) a validation set for the grouping's peak window;
# `detect train` from scratch (or INIT: a SimCLR run, a .safetensors file) with the PREPROCESS
# channels (default detect; paper for the paper's) on the training set (10% held out for
# validation), EPOCHS epochs (default 60) of CROP-px crops (default 128), batch 8, decoder width
# 32, lr 2e-3, seed 1; `detect evaluate` of the model and the island baseline on the test set
# (caesar-mrcnn protocol, score 0.5, IoU 0.6) into OUT/eval, and of the model on the validation
# field with each peak window of WINDOWS (default "3 9") into OUT/val-w<window>.
# FIELDS=2 EPOCHS=1 gives a quick smoke run; with the defaults the training took 25 minutes on 2
# shared cores (the simulations 1 minute, each evaluation about 2).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
OUT="${1:-detect-measure}"
FIELDS="${FIELDS:-8}"
EPOCHS="${EPOCHS:-60}"
CROP="${CROP:-128}"
PREPROCESS="${PREPROCESS:-detect}"
INIT="${INIT:-scratch}"
WINDOWS="${WINDOWS:-3 9}"
new_out_folder detect-measure "$OUT"
cd "$OUT"
"$RADIOCLR" simulate --out sim-train --preset emu-pilot --fields "$FIELDS" --size 2048 --seed 11
"$RADIOCLR" simulate --out sim-test --preset emu-pilot --fields 1 --size 2048 --seed 12
"$RADIOCLR" simulate --out sim-val --preset emu-pilot --fields 1 --size 2048 --seed 13
"$RADIOCLR" detect train --data sim-train/sets/detection/datalist.json --init "$INIT" \
  --preprocess "$PREPROCESS" --epochs "$EPOCHS" --crop "$CROP" --batch-size 8 --lr 2e-3 \
  --decoder-channels 32 --seed 1 --checkpoint-every 5 --out run
"$RADIOCLR" detect evaluate --data sim-test/sets/detection/datalist.json --model run/model \
  --out eval
for w in $WINDOWS; do
  "$RADIOCLR" detect evaluate --data sim-val/sets/detection/datalist.json --model run/model \
    --peak-window "$w" --out "val-w$w"
done
