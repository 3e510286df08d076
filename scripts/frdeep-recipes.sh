#!/usr/bin/env bash
# The recipe table of docs/representation.md: SimCLR recipes trained on the 460 FR-DEEP training
# images and measured with `radioclr evaluate` on all 658 (5 class-balanced splits, seed 1).
#
#   scripts/frdeep-recipes.sh [OUT] [RECIPE...]   # OUT defaults to frdeep-recipes (must not exist)
#
# Full recipes (SIZE px, default 64, standard stem, BATCH images a step, default 64, peak learning
# rate LR, default 1e-3, EPOCHS epochs, default 20):
#   paper   the paper's whole-field pre-processing, banner augmentations
#   framed  the paper's channels on the emission's own field ("preprocess": "framed"), radio
#           augmentations (any-angle rotation, crop 0.7-1, flips, blur)
#   framed-banner  the same framing with the banner augmentations (not run by default)
#   framed-sim  the framed recipe on the 460 images plus the multi-component sources of two
#           simulated FIRST-like fields (`simulate --preset first`, a radio-galaxy-rich mix, seed 11;
#           about 1,500 cutouts; not run by default)
#   framed-tX  the framed recipe with NT-Xent temperature X instead of 0.1 (e.g. framed-t0.5)
#   framed-cX  the framed recipe with crops of X to 1 of the side instead of 0.7 to 1 (framed-c0.4)
#   framed-atca the framed recipe on the 460 images plus source-centred 150-px cutouts of every
#           island `detect islands` finds in the three ATCA SCORPIO maps (real radio sources of
#           another survey, unlabelled; ATCA=/path/to/atca-scorpio, default beside FR-DEEP; not run
#           by default)
#   framed-log the framed recipe with a log channel (3σ noise floor, min-max, log) in place of the
#           paper's zscale 0.4 channel (not run by default)
# Screens (a 1-epoch run, for its random-weights and raw-pixel baselines only, which depend on the
# pre-processing alone):
#   s-framed         emission framing, paper channels
#   s-framed-stretch emission framing, 3σ noise floor then linear / asinh / log channels
#   s-centre-stretch the centre 50% of the field, the same stretches
# Needs the FR-DEEP data set (as scripts/frdeep-table.sh finds it; or set FRDEEP) and python3.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/frdeep-common.sh"
OUT="${1:-frdeep-recipes}"
shift || true
RECIPES=("${@:-paper framed s-framed s-framed-stretch s-centre-stretch}")
RECIPES=(${RECIPES[*]})
EPOCHS="${EPOCHS:-20}"
SIZE="${SIZE:-64}"
BATCH="${BATCH:-64}"
LR="${LR:-1e-3}"
frdeep_start frdeep-recipes "$OUT"
cd "$OUT"
python3 "$ROOT/scripts/frdeep-datalists.py" "$FRDEEP"
STRETCH='"channels": [
 {"name": "linear", "stages": [{"type": "noise_floor"}, {"type": "minmax"}]},
 {"name": "asinh", "stages": [{"type": "noise_floor"}, {"type": "minmax"}, {"type": "asinh"}]},
 {"name": "log", "stages": [{"type": "noise_floor"}, {"type": "minmax"}, {"type": "log"}]}]'
echo '{"augmentation": "banner"}' > paper.json
echo '{"preprocess": "framed", "augmentation": "radio"}' > framed.json
echo '{"preprocess": "framed", "augmentation": "banner"}' > s-framed.json
cp s-framed.json framed-banner.json
echo "{\"augmentation\": \"banner\", \"preprocess\": {\"framing\": {\"type\": \"emission\"}, $STRETCH}}" \
  > s-framed-stretch.json
echo "{\"augmentation\": \"banner\", \"preprocess\": {\"framing\": {\"type\": \"centre\", \"fraction\": 0.5}, $STRETCH}}" \
  > s-centre-stretch.json
cp framed.json framed-sim.json
echo '{"preprocess": {"framing": {"type": "emission"}, "channels": [
 {"name": "sigmaclip", "stages": [{"type": "sigma_clip", "sigma_lower": 5.0, "sigma_upper": 30.0,
  "max_iterations": 5}, {"type": "minmax"}]},
 {"name": "zscale_0.25", "stages": [{"type": "zscale", "contrast": 0.25}, {"type": "minmax"}]},
 {"name": "log", "stages": [{"type": "noise_floor"}, {"type": "minmax"}, {"type": "log"}]}]},
 "augmentation": "radio"}' > framed-log.json
with_unlabelled() { # OUT PREFIX SKIP DATALIST...: train.json plus the entries of the datalists,
  # unlabelled and named PREFIX-<sname>, leaving out those labelled SKIP
  python3 - "$@" <<'PY'
import json, os, sys
out, prefix, skip, *datalists = sys.argv[1:]
entries = json.load(open("train.json"))["data"]
for datalist in datalists:
    base = os.path.dirname(os.path.abspath(datalist))
    for e in json.load(open(datalist))["data"]:
        if e.get("label") != skip:
            entries.append({"filepaths": [os.path.join(base, f) for f in e["filepaths"]],
                            "sname": prefix + "-" + e["sname"]})
json.dump({"data": entries}, open(out, "w"), indent=1)
print(f"{out}: {len(entries)} images")
PY
}
sim_datalist() { # train.json plus the simulated multi-component sources (not 1C-1P: one component, one peak)
  "$RADIOCLR" simulate --preset first --out sim-first --seed 11 --fields 2 \
    --mix compact=0.2,radio-galaxy=0.7,diffuse=0.05,peculiar=0.05,artefact=0
  with_unlabelled train-sim.json sim 1C-1P sim-first/sets/classification/datalist.json
}
atca_datalist() { # train.json plus island-centred cutouts of the ATCA maps
  local atca="${ATCA:-$(dirname "$FRDEEP")/atca-scorpio}" map stem
  "$RADIOCLR" detect islands "$atca"/*.fits --out atca-islands
  for map in "$atca"/*.fits; do
    stem="$(basename "$map" .fits)"
    "$RADIOCLR" cutouts banner "$map" --catalog "atca-islands/$stem/catalogue.csv" --no-size \
      --min-size 150 --no-label --max-blank 0.3 --out "atca-cutouts/$stem"
  done
  with_unlabelled train-atca.json atca "" atca-cutouts/*/datalist.json
}
cp framed.json framed-atca.json
for r in "${RECIPES[@]}"; do
  case "$r" in
    s-*) epochs=(--epochs 1 --warmup-epochs 0) ;;
    *) epochs=(--epochs "$EPOCHS") ;;
  esac
  if [[ "$r" == framed-t* ]]; then
    echo "{\"preprocess\": \"framed\", \"augmentation\": \"radio\", \"temperature\": ${r#framed-t}}" > "$r.json"
  fi
  if [[ "$r" == framed-c* ]]; then # the radio preset with another crop range
    echo "{\"preprocess\": \"framed\", \"augmentation\": {\"steps\": [
 {\"type\": \"rotate\", \"probability\": 1, \"max_degrees\": 180},
 {\"type\": \"random_crop_resize\", \"probability\": 1, \"min_fraction\": ${r#framed-c}, \"max_fraction\": 1},
 {\"type\": \"horizontal_flip\", \"probability\": 0.5}, {\"type\": \"vertical_flip\", \"probability\": 0.5},
 {\"type\": \"gaussian_blur\", \"probability\": 0.2, \"sigma_min\": 1, \"sigma_max\": 3}]}}" > "$r.json"
  fi
  data=train.json
  if [ "$r" = framed-sim ]; then sim_datalist; data=train-sim.json; fi
  if [ "$r" = framed-atca ]; then atca_datalist; data=train-atca.json; fi
  "$RADIOCLR" train simclr --datalist "$data" --config "$r.json" --out "run-$r" \
    --image-size "$SIZE" --stem standard --batch "$BATCH" --lr "$LR" --seed 1 "${epochs[@]}"
  "$RADIOCLR" evaluate --encoder "run-$r" --labelled all.json --splits 5 --seed 1 --out "eval-$r"
done
python3 - "${RECIPES[@]}" <<'PY' | tee table.md
import csv, sys
print("| recipe | linear probe | kNN | random weights | raw pixels |")
print("|---|---|---|---|---|")
for r in sys.argv[1:]:
    rows = {x["method"]: x for x in csv.DictReader(open(f"eval-{r}/results.csv"))}
    cell = lambda m: f"{float(rows[m]['accuracy_mean']) * 100:.1f} ± {float(rows[m]['accuracy_se']) * 100:.1f}"
    trained = "—" if r.startswith("s-") else None
    print(f"| {r} | {trained or cell('probe')} | {trained or cell('knn')} | {cell('random_probe')} | {cell('raw_pixels')} |")
PY
