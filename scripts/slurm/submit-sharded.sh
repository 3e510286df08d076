#!/usr/bin/env bash
# Runs one radioclr stage as a Slurm job array of N shards, then merges the parts in a job that
# starts only when every shard succeeded (--dependency=afterok).
#
#   scripts/slurm/submit-sharded.sh N MERGED COMMAND...
#
#   N        number of shards (array tasks 0..N-1)
#   MERGED   the output the merge job writes from the parts: the --out table of features and
#            anomaly score, DIR/datalist.json of cutouts hulk|banner, DIR/maps.csv of detect run
#   COMMAND  the radioclr command line without --shard
#
# Examples (a cluster's partition and account go in SBATCH_ARGS, e.g. "-p cpu -A myproject"):
#   scripts/slurm/submit-sharded.sh 64 hulk/datalist.json cutouts hulk survey/*.fits --out hulk
#   scripts/slurm/submit-sharded.sh 16 features.parquet \
#       features --model runs/simclr --datalist hulk/datalist.json --out features.parquet
#   scripts/slurm/submit-sharded.sh 16 scores.parquet \
#       anomaly score --features features.parquet --model forest.iforest --out scores.parquet
#
# A shard that failed is resubmitted alone, then the merge:
#   sbatch --array=5 scripts/slurm/shard-task.sh N COMMAND...
#   sbatch scripts/slurm/merge-task.sh --out MERGED
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$#" -lt 3 ]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
N="$1"
MERGED="$2"
shift 2
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then
  echo "submit-sharded.sh: N must be a whole number >= 1, got '$N'" >&2
  exit 2
fi
SBATCH="${SBATCH:-sbatch}"
# the tasks run the launcher named here (sbatch passes the environment on); building it now, once,
# spares N tasks from building it at the same time
export RADIOCLR="${RADIOCLR:-$(cd "$HERE/../.." && pwd)/radioclr}"
"$RADIOCLR" --version >/dev/null
# shellcheck disable=SC2086 # SBATCH_ARGS holds several options
ARRAY=$("$SBATCH" --parsable ${SBATCH_ARGS:-} --array=0-$((N - 1)) "$HERE/shard-task.sh" "$N" "$@")
ARRAY="${ARRAY%%;*}" # --parsable prints JOBID[;CLUSTER]
# shellcheck disable=SC2086
MERGE=$("$SBATCH" --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$ARRAY" \
  "$HERE/merge-task.sh" --out "$MERGED")
echo "submitted job array $ARRAY ($N shards) and merge job ${MERGE%%;*} -> $MERGED"
