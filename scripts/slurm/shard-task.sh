#!/usr/bin/env bash
# One task of a Slurm job array: runs one radioclr stage on shard $SLURM_ARRAY_TASK_ID of
# $SLURM_ARRAY_TASK_COUNT (Slurm sets both for `sbatch --array=0-(N-1)`), writing its part file.
#
#   sbatch --array=0-7 scripts/slurm/shard-task.sh features --model RUN --datalist D.json \
#       --out features.parquet
#
# The arguments are a radioclr command line without --shard (that is added here). A failed task
# can be resubmitted alone (`sbatch --array=3 ...`): it replaces its own part atomically.
# RADIOCLR names the launcher (default: the repository's ./radioclr); RADIOCLR_JAVA_OPTS (e.g.
# -Xmx8g) reaches the JVM. Outside Slurm, set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT by hand.
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
: "${SLURM_ARRAY_TASK_COUNT:?not a job-array task: submit with sbatch --array=0-(N-1)}"
if [ "$#" -eq 0 ]; then
  echo "shard-task.sh: give a radioclr command line, e.g. features --model RUN ..." >&2
  exit 2
fi
# the libtorch and reader threads follow the cores Slurm gave the task
if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then
  export OMP_NUM_THREADS="$SLURM_CPUS_PER_TASK"
fi
exec "$RADIOCLR" "$@" --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"
