#!/usr/bin/env bash
# FR-DEEP figures of one encoder (a run, checkpoint or shipped name), as docs/representation.md
# and the model cards quote them:
#
#   scripts/frdeep-encoder.sh ENCODER [OUT]     # OUT defaults to frdeep-ENCODER (must not exist)
#
# Needs the FR-DEEP data set in shared/data/frdeep-first (found as scripts/frdeep-table.sh finds
# it; or set FRDEEP) and a python3 (standard library only). Steps, seed 1:
#  1. `evaluate --splits 5` on all 658 images (OUT/eval-all) and on the 198 test images
#     (OUT/eval-test): frozen linear probe, cosine kNN, random weights, raw pixels; and on all 658
#     with `--dihedral` (features averaged over the 8 orientations; OUT/eval-all-dihedral);
#  2. the data set's own split (460 train, 198 test): features of both, then the frozen linear probe
#     (`classify probe --features`, OUT/probe-split);
#  3. fine-tuning from the encoder on the 460 (FT_EPOCHS, default 10; OUT/finetune) and on 5% of
#     them (OUT/fractions), tested on the 198.
# Prints a summary table at the end (OUT/summary.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/frdeep-common.sh"
ENCODER="$1"
OUT="${2:-frdeep-$(basename "$ENCODER")}"
FT_EPOCHS="${FT_EPOCHS:-10}"
frdeep_start frdeep-encoder "$OUT"
# a path is used from OUT, a shipped name as it is
[ -e "$ENCODER" ] && ENCODER="$(cd "$(dirname "$ENCODER")" && pwd)/$(basename "$ENCODER")"
cd "$OUT"
python3 "$ROOT/scripts/frdeep-datalists.py" "$FRDEEP"
"$RADIOCLR" evaluate --encoder "$ENCODER" --labelled all.json --splits 5 --seed 1 --out eval-all
"$RADIOCLR" evaluate --encoder "$ENCODER" --labelled test.json --splits 5 --seed 1 --out eval-test
"$RADIOCLR" evaluate --encoder "$ENCODER" --labelled all.json --splits 5 --seed 1 --dihedral \
  --out eval-all-dihedral
for part in train test; do
  "$RADIOCLR" features --model "$ENCODER" --datalist "$part.json" --out "features-$part.parquet"
done
"$RADIOCLR" classify probe --features --train features-train.parquet --test features-test.parquet \
  --seed 1 --out probe-split
"$RADIOCLR" classify finetune --init "$ENCODER" --train train.json --test test.json \
  --epochs "$FT_EPOCHS" --seed 1 --out finetune
"$RADIOCLR" classify finetune --model "$ENCODER" --init "$ENCODER" --train train.json \
  --test test.json --epochs "$FT_EPOCHS" --label-fraction 0.05 --seed 1 --out fractions
python3 - <<'PY' | tee summary.md
import csv, json
def row(name):
    return {r["method"]: r for r in csv.DictReader(open(name + "/results.csv"))}
def acc(path):
    return json.load(open(path + "/metrics.json"))["accuracy"] * 100
print("| protocol | linear probe | kNN | random weights | raw pixels | fine-tune | fine-tune, 5% |")
print("|---|---|---|---|---|---|---|")
for name, label in (("eval-all", "5 balanced splits of all 658"),
                    ("eval-all-dihedral", "the same, --dihedral"),
                    ("eval-test", "5 balanced splits of the 198 test")):
    r = row(name)
    cells = [f"{float(m['accuracy_mean']) * 100:.1f} ± {float(m['accuracy_se']) * 100:.1f}"
             for m in r.values()]
    print(f"| {label} | " + " | ".join(cells) + " | | |")
frac = [r for r in csv.DictReader(open("fractions/fractions.csv"))]
print(f"| FR-DEEP split (460 train, 198 test) | {acc('probe-split'):.1f} | | | | "
      f"{acc('finetune'):.1f} | {float(frac[0]['accuracy']) * 100:.1f} |")
PY
