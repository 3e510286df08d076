#!/usr/bin/env bash
# How far longer source-centred training moves the demo's 6-class probe (issue 12's demo target):
# SimCLR from scratch on the cutouts a demo run's classification step trains on
# (RUN/classification/pretrain.json, the simulated field's sources that the probe never uses) for
# EPOCHS epochs (default 12; 64 px, standard stem, batch 32, lr 1e-3, seed 1, the demo's banner
# augmentations or CONFIG, a `train simclr --config` JSON), with the leave-one-out kNN accuracy
# of the probe's cutouts after every epoch (--val; metrics.csv), then `radioclr evaluate` on the
# probe's cutouts (train and test sets together, 5 class-balanced splits): linear probe, kNN,
# random weights and raw pixels side by side.
#
#   scripts/demo-probe-epochs.sh RUN [OUT]   # RUN: a demo output folder; OUT defaults to
#                                            # demo-probe-epochs (must not exist)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
RUN="$(cd "${1:?usage: demo-probe-epochs.sh DEMO_RUN [OUT]}" && pwd)"
OUT="${2:-demo-probe-epochs}"
EPOCHS="${EPOCHS:-12}"
new_out_folder demo-probe-epochs "$OUT"
if [ -n "${CONFIG:-}" ]; then cp "$CONFIG" "$OUT/config.json"; else
  echo '{"augmentation": "banner"}' > "$OUT/config.json"; fi
cd "$OUT"
python3 - "$RUN/classification" <<'PY'
import json, os, sys
cls = sys.argv[1]
sets = os.path.join(cls, "simulation/sets/classification")
def entries(datalist):  # the entries with absolute file paths
    base = os.path.dirname(datalist)
    for e in json.load(open(datalist))["data"]:
        yield dict(e, filepaths=[os.path.join(base, f) for f in e["filepaths"]])
labelled = [e for part in ("train", "test") for e in entries(f"{sets}/{part}.json")]
json.dump({"data": labelled}, open("labelled.json", "w"))
json.dump({"data": list(entries(f"{cls}/pretrain.json"))}, open("pretrain.json", "w"))
PY
"$RADIOCLR" train simclr --datalist pretrain.json --val labelled.json --config config.json \
  --epochs "$EPOCHS" --image-size 64 --stem standard --batch 32 --lr 1e-3 --seed 1 --out simclr
"$RADIOCLR" evaluate --encoder simclr --labelled labelled.json --seed 1 --out evaluation
