#!/usr/bin/env bash
# The ATCA figures of README's `radioclr detect` section: a detector and the island finder on the
# three ATCA SCORPIO maps (real data, no truth), the objects of each by class, and how far they
# agree on compact sources: `detect evaluate` of the detector's objects against the islands as if
# they were the truth (caesar-mrcnn protocol: score 0.5, mask IoU 0.6), so the COMPACT
# completeness is the fraction of the islands' compact sources the detector finds as COMPACT with
# a matching mask, and its reliability the fraction of the detector's COMPACT objects that are
# such an island.
#
#   scripts/detect-atca.sh MODEL [OUT]   # OUT defaults to detect-atca (must not exist)
#   scripts/detect-atca.sh radioclr-detect-sim-v1 atca    # the shipped detector
#   ATCA=/path/to/atca-scorpio           # default: ../shared/data/atca-scorpio beside the checkout
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
MODEL="$(model_path "${1:?usage: detect-atca.sh MODEL [OUT]}")"
OUT="${2:-detect-atca}"
ATCA="$(cd "${ATCA:-$ROOT/../shared/data/atca-scorpio}" && pwd)"
new_out_folder detect-atca "$OUT"
cd "$OUT"
"$RADIOCLR" detect run --model "$MODEL" "$ATCA"/*.fits --out network
"$RADIOCLR" detect islands "$ATCA"/*.fits --out islands
for map in "$ATCA"/*.fits; do
  stem="$(basename "$map" .fits)"
  "$RADIOCLR" detect evaluate --pred "network/$stem" --truth "islands/$stem/caesar/$stem.json" \
    --out "agree-$stem" >/dev/null
done
python3 - "$ATCA"/*.fits <<'PY' | tee table.md
import csv, collections, json, os, sys
real = ("COMPACT", "EXTENDED", "EXTENDED-MULTISLAND")
print("| map | network: real sources | network: SPURIOUS | islands (COMPACT, EXTENDED) "
      "| islands' COMPACT found as COMPACT | network COMPACT (score ≥ 0.5) that are an island's |")
print("|---|---|---|---|---|---|")
for path in sys.argv[1:]:
    stem = os.path.basename(path)[:-len(".fits")]
    count = lambda d: collections.Counter(
        r["class"] for r in csv.DictReader(open(f"{d}/{stem}/catalogue.csv")))
    net, isl = count("network"), count("islands")
    c = json.load(open(f"agree-{stem}/metrics.json"))["detectors"]["pred"]["COMPACT"]
    frac = lambda x, n: f"{x:.2f} of {n}" if x is not None else f"– of {n}"
    print(f"| {stem} | {sum(net[k] for k in real)} | {net['SPURIOUS']} "
          f"| {isl['COMPACT']}, {isl['EXTENDED']} | {frac(c['completeness'], c['n_true'])} "
          f"| {frac(c['reliability'], c['n_det'])} |")
PY
