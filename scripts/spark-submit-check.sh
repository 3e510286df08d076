#!/usr/bin/env bash
# Runs radioclr's Spark jobs the way a cluster runs them: Spark's own launcher class
# (org.apache.spark.deploy.SparkSubmit, what `spark-submit` starts) with Spark's jars on the class
# path and the radioclr-spark assembly jar as the application, --master local[2]; and checks that
# each job writes what the plain command writes on the same inputs:
#   spark cutouts hulk   datalist.json byte for byte
#   spark cutouts banner datalist.json byte for byte
#   spark features       same rows and snames, features equal to float rounding (batches differ)
#   spark score          score table byte for byte (forest from `anomaly fit --sample`)
#
#   scripts/spark-submit-check.sh [WORKDIR]     (a new or empty folder; default: a temporary one)
#
# Builds what is missing: the assembly jar (./mvnw -Pspark,spark-assembly, ~300 MB, a minute or
# two) and the jars of a Spark distribution (scripts/spark-dist/pom.xml, Spark's jars/ folder:
# Debian ships no Spark). With SPARK_HOME set, that distribution's bin/spark-submit is used instead.
# MVN_FLAGS (e.g. -o) go to every Maven call. Exit code 0 when every check passes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/find-jdk.sh"
cd "$ROOT"
read -r -a MVN <<<"${MVN_FLAGS:-}"
ASSEMBLY="$ROOT/radioclr-spark/target/assembly/radioclr-spark-assembly.jar"
SPARK_VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)
# shellcheck disable=SC2207
JVM_OPTS=($(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' pom.xml))
WORK="${1:-$(mktemp -d "${TMPDIR:-/tmp}/radioclr-spark-submit.XXXXXX")}"
if [ -d "$WORK" ] && [ -n "$(ls -A "$WORK")" ]; then
  echo "spark-submit-check: $WORK is not empty; give a new or empty folder" >&2
  exit 2
fi
mkdir -p "$WORK"
echo "spark-submit check in $WORK (Spark $SPARK_VERSION, $JAVA_HOME)"

if [ ! -f "$ASSEMBLY" ] || [ -n "$(find "$ROOT" -path "$ROOT/*/target" -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$ASSEMBLY" -print -quit)" ]; then
  echo "building the assembly jar..."
  ./mvnw -q -B "${MVN[@]}" -Pspark,spark-assembly -pl radioclr-spark -am package \
    -Dmaven.test.skip=true -Dspotless.check.skip=true
fi
echo "assembly: $ASSEMBLY ($(du -m "$ASSEMBLY" | cut -f1) MB)"

if [ -n "${SPARK_HOME:-}" ]; then
  SUBMIT=("$SPARK_HOME/bin/spark-submit")
else
  JARS="$ROOT/scripts/spark-dist/target/jars"
  if [ ! -f "$JARS/spark-core_2.13-$SPARK_VERSION.jar" ]; then
    echo "resolving the jars of Spark $SPARK_VERSION..."
    ./mvnw -q -B "${MVN[@]}" -f scripts/spark-dist/pom.xml -Dspark.version="$SPARK_VERSION" \
      dependency:copy-dependencies
  fi
  SUBMIT=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${JVM_OPTS[@]}" -Xmx2g
    -cp "$JARS/*" org.apache.spark.deploy.SparkSubmit)
fi
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

submit() {
  local t0=$SECONDS
  "${SUBMIT[@]}" --master 'local[2]' --class org.radioclr.app.Main \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    "$ASSEMBLY" spark "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log"; return 1; }
  local what=$1
  [[ $2 == -* ]] || what="$1 $2"
  echo "  spark-submit ... radioclr-spark-assembly.jar spark $what: $((SECONDS - t0)) s"
}

plain() {
  ./radioclr "$@" >/dev/null 2>>"$WORK/plain.log" || { cat "$WORK/plain.log"; return 1; }
}

echo "inputs (plain ./radioclr):"
plain simulate --preset tiny --seed 11 --fields 2 --no-sets --out "$WORK/sim"
plain model init --image-size 32 --stem standard --seed 5 --out "$WORK/ckpt"
MAPS=("$WORK"/sim/field-*/map.fits)
plain cutouts hulk "${MAPS[@]}" --size 64 --step 32 --out "$WORK/hulk"
CATALOGUE="$(dirname "${MAPS[0]}")/catalogue.vot"
plain cutouts banner "${MAPS[0]}" --catalog "$CATALOGUE" --out "$WORK/banner"
plain features --model "$WORK/ckpt" --datalist "$WORK/hulk/datalist.json" \
  --out "$WORK/features.csv"
plain anomaly fit --features "$WORK/features.csv" --sample 300 --trees 50 \
  --out "$WORK/forest.iforest"
plain anomaly score --features "$WORK/features.csv" --model "$WORK/forest.iforest" \
  --out "$WORK/scores.csv"
echo "  $(($(wc -l <"$WORK/features.csv") - 1)) frames of ${#MAPS[@]} maps"

echo "the same through SparkSubmit, --master local[2]:"
submit cutouts hulk "${MAPS[@]}" --size 64 --step 32 --out "$WORK/spark-hulk"
submit cutouts banner "${MAPS[0]}" --catalog "$CATALOGUE" --out "$WORK/spark-banner"
submit features --model "$WORK/ckpt" --datalist "$WORK/hulk/datalist.json" \
  --out "$WORK/spark-features.parquet"
submit score --features "$WORK/features.csv" --model "$WORK/forest.iforest" \
  --out "$WORK/spark-scores.csv"

echo "checks:"
# radioclr spark writes Parquet: DuckDB (radioclr's own jar of it) copies the table to CSV
cat >"$WORK/ToCsv.java" <<'JAVA'
void main(String[] a) throws Exception {
  try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
      var s = c.createStatement()) {
    s.execute("COPY (SELECT * FROM read_parquet('" + a[0] + "')) TO '" + a[1] + "' (HEADER)");
  }
}
JAVA
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$(ls "$ROOT"/radioclr-app/target/lib/duckdb_jdbc-*.jar)" "$WORK/ToCsv.java" \
  "$WORK/spark-features.parquet" "$WORK/spark-features.csv"
cmp "$WORK/hulk/datalist.json" "$WORK/spark-hulk/datalist.json"
echo "  spark cutouts hulk: datalist.json identical"
cmp "$WORK/banner/datalist.json" "$WORK/spark-banner/datalist.json"
echo "  spark cutouts banner: datalist.json identical ($(grep -o '"sname"' \
  "$WORK/banner/datalist.json" | wc -l) cutouts)"
python3 - "$WORK/features.csv" "$WORK/spark-features.csv" <<'EOF'
import csv, sys
a = list(csv.reader(open(sys.argv[1])))
b = list(csv.reader(open(sys.argv[2])))
assert a[0] == b[0], "columns differ"
assert len(a) == len(b), f"{len(a) - 1} rows against {len(b) - 1}"
f = [i for i, c in enumerate(a[0]) if c[0] == "f" and c[1:].isdigit()]
def num(x):
    try:
        return float(x)
    except ValueError:
        return None
worst = 0.0
for ra, rb in zip(a[1:], b[1:]):
    assert ra[0] == rb[0], f"row order differs: {ra[0]} against {rb[0]}"
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x == y:
            continue
        fx, fy = num(x), num(y)
        assert fx is not None and fy is not None, f"{ra[0]}: {a[0][i]} {x!r} against {y!r}"
        d = abs(fx - fy) / max(1.0, abs(fx))
        assert i in f or d < 1e-12, f"{ra[0]}: {a[0][i]} {x} against {y}"
        worst = max(worst, d)
assert worst < 1e-4, f"features differ by {worst}"
print(f"  spark features: {len(a) - 1} rows, same columns and snames, features within {worst:.1e}")
EOF
cmp "$WORK/scores.csv" "$WORK/spark-scores.csv"
echo "  spark score: score table identical"
echo "spark-submit check passed"
