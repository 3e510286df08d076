# Sourced by the measurement scripts that write into a new folder: sets ROOT (the checkout) and
# RADIOCLR (its launcher, unless set), and new_out_folder NAME OUT, which refuses an OUT that exists
# (naming the script NAME) and creates it, and model_path M, which prints a model folder M as an
# absolute path (the scripts work inside OUT) and a shipped model's name as it is. Needs
# `set -euo pipefail` in the caller.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RADIOCLR="${RADIOCLR:-$ROOT/radioclr}"

new_out_folder() {
  if [ -e "$2" ]; then
    echo "$1: $2 exists; choose a new folder" >&2
    exit 1
  fi
  mkdir -p "$2"
}

model_path() {
  if [ -e "$1" ]; then
    (cd "$1" && pwd)
  else
    echo "$1"
  fi
}
