package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.evaluate.FrameGroup;
import org.radioclr.anomaly.evaluate.ThresholdMetrics;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.anomaly.scan.IforestScan;
import org.radioclr.anomaly.scan.TableScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly scan}: the paper's Isolation Forest tuning grid on labelled frames. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Tune the Isolation Forest on labelled frames (paper §5.2): for every feature set,"
          + " max-samples and contamination, fit on all rows, then measure how well the outlier"
          + " flag finds PECULIAR frames with the metrics of 'anomaly evaluate' (Table 4): recall;"
          + " precision, precision of PECULIAR-or-COMPLEX and the contamination by complex and"
          + " ordinary frames as shares of the flagged labelled frames; the unlabelled share of"
          + " all flagged frames; F1 of precision and recall) and how well the score ranks the"
          + " PECULIAR frames among the labelled ones (average precision).",
      "",
      "The chosen setting has the best F1 (ties: higher average precision, then fewer rows per"
          + " tree). Writes OUT/scan.csv and prints the table with the chosen row marked '*'."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly scan --features features.parquet --labels sets/anomaly/datalist.json"
          + " --importance select/ --out scan/",
      "  radioclr anomaly scan --features features.parquet --feature-sets all"
          + " --max-samples auto,0.1 --contamination auto,0.01 --out scan/"
    })
final class AnomalyScanCommand implements Callable<Integer> {
  static final String PAPER_MAX_SAMPLES =
      "auto,0.001,0.01,0.02,0.05,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Mixin LabelsOption labels;

  @Option(
      names = "--importance",
      paramLabel = "FILE|DIR",
      description =
          "Feature ranking importance.csv from 'radioclr anomaly select' (or its folder);"
              + " needed for topK feature sets.")
  Path importance;

  @Option(
      names = "--feature-sets",
      paramLabel = "LIST",
      description =
          "Comma-separated feature sets, each 'topK' or 'all' (default: top2,top5,top10,top15"
              + " with --importance, else all).")
  String featureSets;

  @Option(
      names = "--contamination",
      paramLabel = "LIST",
      description = "Contamination values (default: auto,0.001,0.01,0.1).")
  String contaminations = "auto,0.001,0.01,0.1";

  @Option(
      names = "--max-samples",
      paramLabel = "LIST",
      description = "max-samples values (default: the paper's " + PAPER_MAX_SAMPLES + ").")
  String maxSamples = PAPER_MAX_SAMPLES;

  @Option(
      names = "--trees",
      paramLabel = "N",
      description = "Trees per forest (default: " + IsolationForestConfig.DEFAULT_TREES + ").")
  int trees = IsolationForestConfig.DEFAULT_TREES;

  @Mixin SeedOption seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder for scan.csv.")
  Path out;

  @Mixin ThreadsOption threads;

  @Override
  public Integer call() {
    List<MaxSamples> ms = list("--max-samples", maxSamples, MaxSamples::parse);
    List<Contamination> cs = list("--contamination", contaminations, Contamination::parse);
    List<ColumnChoice> sets =
        list(
            "--feature-sets",
            featureSets != null
                ? featureSets
                : importance != null ? "top2,top5,top10,top15" : "all",
            AnomalyScanCommand::featureSet);
    TableScan.Request request =
        BadOptionException.check(
            () ->
                new TableScan.Request(
                    features.file,
                    labels.file,
                    importance,
                    sets,
                    ms,
                    cs,
                    trees,
                    seed.orDefault(),
                    out,
                    threads.threads));
    PrintWriter o = spec.commandLine().getOut();
    TableScan.Outcome done =
        TableScan.run(request, o, ConsoleProgress.onStderr(spec.commandLine().getErr()));
    print(o, done.result());
    IforestScan.Row best = done.result().best();
    o.printf(
        "chosen: %s, max-samples %s, contamination %s (F1 %.3f, average precision %.3f);"
            + " %.1f s; wrote %s%n",
        best.featureSet(),
        best.maxSamples(),
        best.contamination(),
        best.metrics().f1(),
        best.averagePrecision(),
        done.seconds(),
        done.csv());
    return 0;
  }

  static void print(PrintWriter o, IforestScan.Result result) {
    o.printf(
        "  %-8s %11s %8s %13s %9s %14s %5s %7s %9s %6s %6s %6s %6s %6s %6s%n",
        "features",
        "max-samples",
        "rows",
        "contamination",
        "threshold",
        "flagged (lab.)",
        "TP",
        "recall",
        "precision",
        "P+C",
        "c.cplx",
        "c.ord",
        "unlab.",
        "F1",
        "AP");
    for (int i = 0; i < result.rows().size(); i++) {
      IforestScan.Row r = result.rows().get(i);
      ThresholdMetrics m = r.metrics();
      o.printf(
          "%s %-8s %11s %8d %13s %9.4f %14s %5d %7.3f %9s %6s %6s %6s %6s %6.3f %6.3f%n",
          i == result.chosen() ? "*" : " ",
          r.featureSet(),
          r.maxSamples(),
          r.samplesPerTree(),
          r.contamination(),
          r.threshold(),
          m.above().all() + " (" + m.above().labelled() + ")",
          m.above().peculiar(),
          m.recall(),
          ratio(m.precision()),
          ratio(m.precisionPeculiarOrComplex()),
          ratio(m.contamination(FrameGroup.COMPLEX)),
          ratio(m.contamination(FrameGroup.ORDINARY)),
          ratio(m.unlabelledShare()),
          m.f1(),
          r.averagePrecision());
    }
  }

  /** A ratio with three decimals, {@code -} when undefined (nothing flagged). */
  private static String ratio(double v) {
    return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  private static ColumnChoice featureSet(String text) {
    ColumnChoice c = ColumnChoice.parse(text);
    if (c.kind() == ColumnChoice.Kind.LIST) {
      throw new BadOptionException(
          "--feature-sets entries must be 'topK' or 'all', got '" + text + "'");
    }
    return c;
  }

  private static <T> List<T> list(
      String option, String text, java.util.function.Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(BadOptionException.check(() -> parse.apply(part.strip())));
      }
    }
    if (out.isEmpty()) {
      throw new BadOptionException(option + " needs at least one value, got '" + text + "'");
    }
    return out;
  }
}
