#!/usr/bin/env bash
# The FR-DEEP table of README.md (classify probe / finetune): the radioclr commands that make it.
#
#   scripts/frdeep-table.sh [OUT]        # OUT defaults to frdeep-table (must not exist)
#
# Needs the FR-DEEP data set in shared/data/frdeep-first, found as the tests find it (the first
# shared/data above the project root, e.g. ../shared/data; VLA FIRST cutouts, labels.csv with the
# data set's own 460 train / 198 test split); a user's clone does not have it: set FRDEEP to a
# copy of the folder. Needs a python3 (standard library only) to write the datalists.
#
# Steps, all seed 1, standard-stem ResNet18 at 64 px:
#   1. datalists train.json (460) and test.json (198) from labels.csv; pretrain.json = the train
#      images unlabelled + the 189 hulk frames of a simulated FIRST-like 2048x2048 map
#      (`simulate --preset first --size 2048`);
#   2. SimCLR pre-training: 8 epochs, batch 32, lr 1e-3, 1 warm-up epoch, banner augmentations,
#      kNN validation on the test set (the "loss" and "kNN accuracy" of the README: simclr/metrics.csv);
#   3. for the SimCLR encoder and for random weights: probe 30 epochs at lr 1e-3 and at lr 1e-2,
#      fine-tune 10 epochs on all 460, and fine-tune 10 epochs on 5% and 25% of them;
#   4. `classify predict` of the probe on the test set (must give the probe's predictions.csv);
#   5. table.md: test accuracy (macro F1) of every run, read from the runs' metrics.json /
#      fractions.csv.
# Cost on 2 shared CPU cores: about 10 min of pre-training, 30-50 s per probe, 2-4.5 min per
# full fine-tune, about 70 s for the four label-fraction runs: 25-35 min in all.
# EPOCHS, PROBE_EPOCHS, FT_EPOCHS override the epochs (e.g. all 1 for a quick smoke run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/frdeep-common.sh"
OUT="${1:-frdeep-table}"
EPOCHS="${EPOCHS:-8}"
PROBE_EPOCHS="${PROBE_EPOCHS:-30}"
FT_EPOCHS="${FT_EPOCHS:-10}"
WARMUP=$(( EPOCHS > 1 ? 1 : 0 ))  # 1 warm-up epoch; none for a 1-epoch smoke run

frdeep_start frdeep-table "$OUT"
OUT="$(cd "$OUT" && pwd)"
FRDEEP="$(cd "$FRDEEP" && pwd)"
cd "$OUT"
log() { echo "frdeep-table: $*" >&2; }

log "1. datalists and simulated FIRST-like frames"
"$RADIOCLR" simulate --preset first --size 2048 --seed 1 --out sim > sim.log 2>&1
python3 "$ROOT/scripts/frdeep-datalists.py" "$FRDEEP"
python3 - sim/sets/hulk/datalist.json <<'EOF'
import json, os, sys
hulk = sys.argv[1]
train = json.load(open("train.json"))["data"]
frames = json.load(open(hulk))["data"]
pretrain = [{"filepaths": e["filepaths"], "sname": "frdeep-" + e["sname"]} for e in train]
pretrain += [{"filepaths": [os.path.abspath(os.path.join(os.path.dirname(hulk), p)) for p in e["filepaths"]],
              "sname": "sim-" + e["sname"]} for e in frames]
with open("pretrain.json", "w") as f:
    json.dump({"data": pretrain}, f, indent=1)
print(f"pretrain {len(pretrain)} ({len(frames)} simulated frames)", file=sys.stderr)
EOF
echo '{"augmentation": "banner"}' > banner.json

log "2. SimCLR pre-training ($EPOCHS epochs)"
"$RADIOCLR" train simclr --datalist pretrain.json --val test.json --config banner.json \
  --out simclr --epochs "$EPOCHS" --batch 32 --image-size 64 --stem standard --lr 1e-3 \
  --warmup-epochs "$WARMUP" --seed 1

log "3. probes and fine-tuning"
RANDOM_INIT=(--image-size 64 --no-small-stem)
for lr in 1e-3 1e-2; do
  "$RADIOCLR" classify probe --model simclr --train train.json --test test.json \
    --epochs "$PROBE_EPOCHS" --lr "$lr" --out "probe-simclr-lr$lr"
  "$RADIOCLR" classify probe --model scratch "${RANDOM_INIT[@]}" --train train.json \
    --test test.json --epochs "$PROBE_EPOCHS" --lr "$lr" --out "probe-random-lr$lr"
done
"$RADIOCLR" classify finetune --init simclr --train train.json --test test.json \
  --epochs "$FT_EPOCHS" --out finetune-simclr
"$RADIOCLR" classify finetune --init scratch "${RANDOM_INIT[@]}" --train train.json \
  --test test.json --epochs "$FT_EPOCHS" --out finetune-random
"$RADIOCLR" classify finetune --model simclr --init simclr --init scratch --train train.json \
  --test test.json --epochs "$FT_EPOCHS" --label-fraction 0.05,0.25 --out fractions

log "4. predict with the saved probe"
"$RADIOCLR" classify predict --classifier probe-simclr-lr1e-3 --datalist test.json \
  --out predict.csv
if cmp -s predict.csv probe-simclr-lr1e-3/predictions.csv; then
  log "predict.csv is the probe's predictions.csv, byte for byte"
else
  log "predict.csv differs from the probe's predictions.csv"
fi

log "5. the table"
python3 - <<'EOF' | tee table.md
import csv, json
def score(run):
    m = json.load(open(run + "/metrics.json"))
    return f"{m['accuracy']:.3f} ({m['macro']['f1']:.3f})"
frac = {(r["init"], float(r["fraction"])): f"{float(r['accuracy']):.3f} ({float(r['macro_f1']):.3f})"
        for r in csv.DictReader(open("fractions/fractions.csv"))}
inits = sorted({k[0] for k in frac})
print("| encoder | probe, lr 1e-3 | probe, lr 1e-2 | fine-tune | fine-tune on 5% | on 25% |")
print("|---|---|---|---|---|---|")
for name, key in (("SimCLR", "simclr"), ("random weights", "random")):
    init = next(i for i in inits if (i == "scratch") == (key == "random"))
    print(f"| {name} | {score(f'probe-{key}-lr1e-3')} | {score(f'probe-{key}-lr1e-2')}"
          f" | {score(f'finetune-{key}')} | {frac[(init, 0.05)]} | {frac[(init, 0.25)]} |")
EOF
