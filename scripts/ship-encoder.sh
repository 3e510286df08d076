#!/usr/bin/env bash
# Ships a trained SimCLR run as a pretrained encoder inside radioclr (ShippedEncoders):
#
#   scripts/ship-encoder.sh RUN NAME
#
# writes radioclr-nn/src/main/resources/org/radioclr/nn/encoders/NAME/{encoder.safetensors,
# model-config.json} (float16 weights of RUN's latest checkpoint, with its network shape, input size
# and pre-processing), then the features of the committed test input
# radioclr-nn/src/test/resources/encoders/double-lobed.fits through the shipped NAME into
# radioclr-nn/src/test/resources/encoders/NAME-features.json (what ShippedEncodersTest checks and
# the model card docs/models/NAME.md quotes). NAME must be listed in ShippedEncoders.NAMES.
# Needs python3 (standard library only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RADIOCLR="$ROOT/radioclr"
RUN="$(cd "$1" && pwd)"
NAME="$2"
DEST="$ROOT/radioclr-nn/src/main/resources/org/radioclr/nn/encoders/$NAME"
TESTRES="$ROOT/radioclr-nn/src/test/resources/encoders"
mkdir -p "$DEST"
"$RADIOCLR" model export "$RUN" --half --out "$DEST/encoder.safetensors"
latest="$(ls -d "$RUN"/checkpoints/epoch-* | sort | tail -1)"
cp "$latest/model-config.json" "$DEST/model-config.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '{"data": [{"filepaths": ["%s"], "sname": "double-lobed"}]}\n' \
  "$TESTRES/double-lobed.fits" > "$tmp/one.json"
# a fresh cache, so the features come from the files just written
RADIOCLR_CACHE="$tmp/cache" "$RADIOCLR" features --model "$NAME" --datalist "$tmp/one.json" \
  --out "$tmp/features.csv"
python3 - "$tmp/features.csv" "$TESTRES/$NAME-features.json" <<'PY'
import csv, json, sys
row = next(csv.DictReader(open(sys.argv[1])))
feats = [float(row[k]) for k in row if k.startswith("f") and k[1:].isdigit()]
json.dump({"input": "double-lobed.fits", "dimension": len(feats), "first": feats[:8]},
          open(sys.argv[2], "w"), indent=1)
print("features of double-lobed.fits:", ", ".join(f"{v:.4f}" for v in feats[:8]), "...")
PY
echo "shipped $NAME from $latest"
