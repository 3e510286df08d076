#!/usr/bin/env bash
# A paper estimate of one SimCLR epoch over hulk_smgps (178,057 frames at 224 px) on one GPU, from
# two figures measured here and stated GPU constants (docs/gpu.md explains the arithmetic):
#   - the network's multiply-accumulates per image (`radioclr model info --image-size 224`);
#   - the data pipeline's rate on one core (`radioclr bench train --image-size 224 --workers 1`:
#     read FITS, pre-process, augment two views).
# Environment (defaults in brackets): FRAMES [178057], PEAK_TFLOPS [989, H100 SXM dense bf16;
# 495 for tf32, 67 for plain fp32], UTILISATION [0.3, the share of the peak a ResNet18 step
# reaches: an assumption, not a measurement], CORES [16, the data-pipeline cores of the host].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FRAMES=${FRAMES:-178057}
PEAK_TFLOPS=${PEAK_TFLOPS:-989}
UTILISATION=${UTILISATION:-0.3}
CORES=${CORES:-16}

macs=$("$ROOT/radioclr" model info --image-size 224 \
  | sed -n 's/^multiply-accumulates per image, forward: \([0-9,]*\).*/\1/p' | tr -d ,)
pipeline=$("$ROOT/radioclr" bench train --image-size 224 --workers 1 --batch 16 --steps 2 \
  | awk '/^data pipeline only/ {print $(NF-1)}')
[ -n "$macs" ] && [ -n "$pipeline" ] || { echo "gpu-estimate: could not read the measurements" >&2; exit 1; }

awk -v macs="$macs" -v pipe="$pipeline" -v frames="$FRAMES" -v peak="$PEAK_TFLOPS" \
    -v util="$UTILISATION" -v cores="$CORES" 'BEGIN {
  flops = 2 * 3 * 2 * macs          # 2 views; forward + backward = 3 forwards; 2 FLOP per MAC
  gpu = peak * 1e12 * util / flops  # pairs/s the GPU could take
  host = pipe * cores               # pairs/s the host can prepare
  printf "forward MACs per 224 px view      %.3f G\n", macs / 1e9
  printf "training FLOP per pair (2 views)  %.1f G\n", flops / 1e9
  printf "GPU rate at %.0f%% of %d TFLOPS   %.0f pairs/s (epoch %.0f s)\n", util * 100, peak, gpu, frames / gpu
  printf "data pipeline, 1 core (measured)  %.2f pairs/s\n", pipe
  printf "data pipeline, %d cores           %.0f pairs/s (epoch %.0f s)\n", cores, host, frames / host
  rate = gpu < host ? gpu : host
  printf "epoch of %d frames             %.1f min, bound by the %s\n", frames, frames / rate / 60, gpu < host ? "GPU" : "data pipeline"
  printf "cores to keep the GPU busy        %.0f\n", gpu / pipe
}'
