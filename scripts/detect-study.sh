#!/usr/bin/env bash
# The `detect study` figures of docs/detect.md: the radioclr commands that make them.
#
#   scripts/detect-study.sh [OUT]     # OUT defaults to detect-study (must not exist)
#
# Steps: two simulated EMU-pilot-like fields of 2048 px (seed 11; 101 annotated 256-px frames)
# are the training frames, one more field (seed 12; 58 frames, 967 true sources) the test frames;
# SimCLR learns from the training fields without labels (64-px hulk frames without overlap, 1657
# of them; SIMCLR_EPOCHS epochs, default 15, batch 64, lr 1e-3, 64 px, the paper's channels and
# augmentations); `detect study` trains every arm (frozen and fine-tuned SimCLR backbone, frozen
# random backbone, from scratch) on 25% and 100% of the training frames, two draws each,
# EPOCHS epochs (default 12) of 128-px crops, lr 2e-3, decoder width 32, the paper's channels
# (as the SimCLR run), and scores each on the test frames. SIMCLR_EPOCHS=1 EPOCHS=1 is a smoke
# run; the defaults took about 9 minutes of SimCLR and 14 of study on 2 shared cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
OUT="${1:-detect-study}"
SIMCLR_EPOCHS="${SIMCLR_EPOCHS:-15}"
EPOCHS="${EPOCHS:-12}"
new_out_folder detect-study "$OUT"
cd "$OUT"
"$RADIOCLR" simulate --out sim-train --preset emu-pilot --fields 2 --size 2048 --seed 11
"$RADIOCLR" simulate --out sim-test --preset emu-pilot --fields 1 --size 2048 --seed 12
"$RADIOCLR" cutouts hulk sim-train/field-000/map.fits sim-train/field-001/map.fits --size 64 \
  --step 64 --out hulk64
"$RADIOCLR" train simclr --datalist hulk64/datalist.json --epochs "$SIMCLR_EPOCHS" --batch 64 \
  --lr 1e-3 --image-size 64 --seed 1 --out simclr64
"$RADIOCLR" detect study --train sim-train/sets/detection/datalist.json \
  --test sim-test/sets/detection/datalist.json --simclr simclr64 --preprocess paper \
  --fractions 0.25,1 --draws 2 --epochs "$EPOCHS" --crop 128 --lr 2e-3 --decoder-channels 32 \
  --out study
