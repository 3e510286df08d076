# Sourced by the scripts/frdeep-*.sh scripts: sets ROOT and RADIOCLR (scripts/out-folder.sh)
# and FRDEEP (the FR-DEEP data set: $FRDEEP if set, else the nearest shared/data/frdeep-first above
# the checkout), and frdeep_start NAME OUT, which checks the data set is there and OUT is new, then
# creates OUT. Needs `set -euo pipefail` in the caller.
source "$(dirname "${BASH_SOURCE[0]}")/out-folder.sh"
if [ -z "${FRDEEP:-}" ]; then
  dir="$ROOT"
  while [ "$dir" != / ] && [ ! -d "$dir/shared/data/frdeep-first" ]; do dir="$(dirname "$dir")"; done
  FRDEEP="$dir/shared/data/frdeep-first"
fi

frdeep_start() {
  if [ ! -f "$FRDEEP/labels.csv" ]; then
    echo "$1: no FR-DEEP data in $FRDEEP (set FRDEEP=/path/to/frdeep-first)" >&2
    exit 1
  fi
  new_out_folder "$1" "$2"
}
