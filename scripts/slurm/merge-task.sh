#!/usr/bin/env bash
# The follow-up job of a sharded stage: joins the parts of --out found beside it into the output
# one process writes (radioclr merge). Submitted by submit-sharded.sh with
# --dependency=afterok:ARRAY, so it starts only when every shard succeeded.
#
#   sbatch --dependency=afterok:12345 scripts/slurm/merge-task.sh --out features.parquet
#SBATCH --job-name=radioclr-merge
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=radioclr-merge-%j.log
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ -x "$ROOT/radioclr" ] || ROOT="${SLURM_SUBMIT_DIR:-$PWD}"
RADIOCLR="${RADIOCLR:-$ROOT/radioclr}"
exec "$RADIOCLR" merge "$@"
