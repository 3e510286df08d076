package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.nn.features.ExtractionSummary;
import picocli.CommandLine;

/**
 * What a feature extraction tells the user ({@code radioclr features}, {@code radioclr spark
 * features}): one line with rows, width and rate, and for skipped images one warning line naming
 * {@code F.skipped.csv}, their list with reasons (each image too with {@code --verbose}).
 */
public final class FeatureReport {
  private FeatureReport() {}

  /** Prints the report of an extraction into {@code table} and writes its skipped list. */
  public static void print(
      CommandLine.Model.CommandSpec spec,
      Path table,
      ExtractionSummary summary,
      int dimension,
      boolean projection) {
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d rows x %d %s in %.1f s (%.1f img/s)%n",
            table,
            summary.rows(),
            dimension,
            projection ? "projections" : "features",
            summary.seconds(),
            summary.rate());
    if (!summary.skipped().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      boolean verbose = Main.verbose(spec);
      SkippedImages list = new SkippedImages();
      for (SkippedImages.Entry e : summary.skipped()) {
        list.add(e);
        if (verbose) {
          Main.warn(err, e.line());
        }
      }
      Main.warn(
          err,
          list.writeAndSummarise(summary.rows() + summary.skipped().size(), skippedList(table)));
    }
  }

  /** {@code F.parquet} → {@code F.skipped.csv} beside it. */
  public static Path skippedList(Path table) {
    String name = table.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return table.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".skipped.csv");
  }
}
