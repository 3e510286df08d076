#!/usr/bin/env bash
# Keeps the `-Pcuda` profile from rotting: compiles every module against the DJL and libtorch
# versions that profile selects (DJL 0.33.0, libtorch 2.5.1 for CUDA 12.4, see docs/gpu.md), in a
# throw-away copy of the working tree, so the checkout's own build output stays CPU-built.
# Compiling resolves only compile-scope dependencies, so the 2.4 GB CUDA libtorch jar (runtime
# scope) is not downloaded; the script fails if it was. Run by .ci/run; about a minute.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"

native_jars() {
  local dir="${HOME}/.m2/repository/ai/djl/pytorch/pytorch-native-cu124"
  if [ -d "$dir" ]; then find "$dir" -name '*.jar' | wc -l; else echo 0; fi
}
before=$(native_jars)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$copy"
(cd "$copy" && ./mvnw -B -q -Pcuda -Dspotless.check.skip=true compile)
if [ "$(native_jars)" -gt "$before" ]; then
  echo "cuda-compile-check: the compile step downloaded the CUDA libtorch jar (its scope must stay runtime)" >&2
  exit 1
fi
echo "cuda-compile-check: every module compiles against DJL 0.33.0 / libtorch 2.5.1 (-Pcuda)"
