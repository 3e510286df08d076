#!/usr/bin/env bash
# Ships a trained detector inside radioclr (ShippedDetectors):
#
#   scripts/ship-detector.sh MODEL NAME [TEST_DATALIST]
#
# writes radioclr-detect/src/main/resources/org/radioclr/detect/models/NAME/{detector.safetensors,
# detect.json}: the float16 weights of MODEL (a `detect train` model folder) and its spec. With
# TEST_DATALIST (a detection set), it then scores the shipped NAME, read from a fresh cache, on
# that set with `detect evaluate` into a temporary folder and prints the table the model card
# docs/models/NAME.md quotes. NAME must be listed in ShippedDetectors.NAMES.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RADIOCLR="$ROOT/radioclr"
MODEL="$(cd "$1" && pwd)"
NAME="$2"
DEST="$ROOT/radioclr-detect/src/main/resources/org/radioclr/detect/models/$NAME"
mkdir -p "$DEST"
"$RADIOCLR" detect export "$MODEL" --half --out "$DEST/detector.safetensors"
cp "$MODEL/detect.json" "$DEST/detect.json"
echo "shipped $NAME from $MODEL"
if [[ $# -ge 3 ]]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # a fresh cache, so the detector comes from the files just written (the launcher rebuilds)
  RADIOCLR_CACHE="$tmp/cache" "$RADIOCLR" detect evaluate --data "$3" --model "$NAME" \
    --out "$tmp/eval"
fi
