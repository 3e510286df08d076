#!/usr/bin/env bash
# One task of a Slurm job array: runs one radioclr stage on shard $SLURM_ARRAY_TASK_ID of N,
# writing its part file.
#
#   sbatch --array=0-7 scripts/slurm/shard-task.sh 8 features --model RUN --datalist D.json \
#       --out features.parquet
#
# N is the number of shards of the whole run, given explicitly: a failed task resubmitted alone
# (`sbatch --array=5 scripts/slurm/shard-task.sh 8 ...`) is an array of one task, but still
# shard 5 of 8; it replaces its own part atomically. The rest is a radioclr command line without
# --shard (added here). RADIOCLR names the launcher (default: the repository's ./radioclr);
# RADIOCLR_JAVA_OPTS (e.g. -Xmx8g) reaches the JVM. Outside Slurm, set SLURM_ARRAY_TASK_ID.
#SBATCH --job-name=radioclr-shard
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=radioclr-%A_%a.log
set -euo pipefail
# sbatch runs a copy of the script from a spool folder: find the repository from where it was
# submitted when BASH_SOURCE is not inside it
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ -x "$ROOT/radioclr" ] || ROOT="${SLURM_SUBMIT_DIR:-$PWD}"
RADIOCLR="${RADIOCLR:-$ROOT/radioclr}"
: "${SLURM_ARRAY_TASK_ID:?not a job-array task: submit with sbatch --array=0-(N-1)}"
if [ "$#" -lt 2 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
  echo "shard-task.sh: give N (shards of the run) and a radioclr command line, e.g." \
    "8 features --model RUN ..." >&2
  exit 2
fi
N="$1"
shift
# PyTorch reads its thread count from OMP_NUM_THREADS: the cores Slurm gave the task
if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then
  export OMP_NUM_THREADS="$SLURM_CPUS_PER_TASK"
fi
exec "$RADIOCLR" "$@" --shard "$SLURM_ARRAY_TASK_ID/$N"
