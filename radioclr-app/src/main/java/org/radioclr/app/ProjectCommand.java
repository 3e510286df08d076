package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.LabelledFeatures;
import org.radioclr.classify.project.ProjectionCsv;
import org.radioclr.classify.project.ProjectionMethod;
import org.radioclr.classify.project.Projector;
import org.radioclr.classify.project.ScatterPlot;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr project}: a 2-D projection of a feature table as a coloured scatter plot. */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = {
      "Project the features of a table to 2-D and draw them (paper Fig. 4: UMAP of the encoder"
          + " features coloured by class; Fig. 5(g): coloured by the noise rms on a log scale).",
      "Methods: umap (default; on L2-normalised rows, 15 neighbours), pca (top-2 components of"
          + " the centred features) and tsne (L2-normalised rows reduced to 50 principal"
          + " components, perplexity 30, 1000 iterations; exact, so slow: about 100 s for 3000"
          + " rows). Projections by Smile 4.4.",
      "Colour: by the label column (default when the table has labels; unlabelled rows grey),"
          + " by any other column (numeric columns get a colour bar, --log for a log scale; text"
          + " columns a legend), or 'none'. Writes the PNG and the coordinates next to it"
          + " (P.csv: sname, x, y, colour value)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr project --features features.parquet --out umap.png",
      "  radioclr project --features features.parquet --method pca --color rms --log"
          + " --out pca-rms.png"
    })
final class ProjectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Option(
      names = "--method",
      paramLabel = "umap|pca|tsne",
      description = "Projection (default: ${DEFAULT-VALUE}).")
  String method = "umap";

  @Option(
      names = "--color",
      paramLabel = "label|COLUMN|none",
      description = "Colour points by this column (default: label when present, else none).")
  String color;

  @Option(names = "--log", description = "Logarithmic colour scale (numeric colour columns).")
  boolean log;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of UMAP and t-SNE (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--out", required = true, paramLabel = "P.png", description = "Plot to write.")
  Path out;

  @Override
  public Integer call() {
    ProjectionMethod m = BadOptionException.check(() -> ProjectionMethod.parse(method));
    String name = out.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new BadInputException(out, "the plot must be a .png file");
    }
    Path csv = out.resolveSibling(name.substring(0, name.length() - 4) + ".csv");
    FeatureTable table = FeatureTable.read(features.file);
    if (table.size() == 0) {
      throw new BadInputException(features.file, "the table has no rows");
    }
    table.requireFinite(features.file);
    String column = color;
    if (column == null) {
      column = table.labels().stream().anyMatch(l -> !l.isBlank()) ? "label" : "none";
    }
    List<String> cells = null;
    if (!column.equals("none")) {
      if (column.equals("label")) {
        cells = table.labels();
      } else if (table.extras().containsKey(column)) {
        cells = table.extras().get(column);
      } else {
        throw new BadInputException(
            features.file,
            "no column '"
                + column
                + "' to colour by; columns: "
                + LabelledFeatures.columns(table)
                + " (or 'none')");
      }
    }
    double[] numbers = cells == null ? null : numeric(cells);
    if (log && numbers == null) {
      throw new BadOptionException(
          "--log needs a numeric colour column, '" + column + "' is not one");
    }
    long t0 = System.nanoTime();
    // the table's only problem left for the projection: too few rows or features for the method
    double[][] xy =
        BadInputException.check(
            features.file,
            () ->
                Projector.project(
                    table.features(),
                    m,
                    seed,
                    ConsoleProgress.onStderr(spec.commandLine().getErr())));
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] x = new double[xy.length];
    double[] y = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      x[i] = xy[i][0];
      y[i] = xy[i][1];
    }
    String label =
        switch (m) {
          case UMAP -> "UMAP";
          case PCA -> "PC";
          case TSNE -> "t-SNE";
        };
    String title =
        String.format(
            Locale.ROOT,
            "%s of %s (%d rows x %d features)",
            m == ProjectionMethod.PCA ? "PCA" : label,
            features.file.getFileName(),
            table.size(),
            table.dimension());
    ScatterPlot plot;
    if (cells == null) {
      plot = ScatterPlot.plain(title, label + " 1", label + " 2", x, y);
    } else if (numbers != null && !column.equals("label")) {
      plot = ScatterPlot.byValue(title, label + " 1", label + " 2", x, y, column, numbers, log);
    } else {
      plot = ScatterPlot.byCategory(title, label + " 1", label + " 2", x, y, column, cells);
    }
    plot.write(out, 900, 700);
    ProjectionCsv.write(csv, table.snames(), xy, cells == null ? null : column, cells);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%s of %d rows x %d features in %.1f s%s%n",
        m.cliName(),
        table.size(),
        table.dimension(),
        seconds,
        cells != null && plot.missing() > 0
            ? "; "
                + plot.missing()
                + " rows without a "
                + (log ? "positive " : "")
                + "'"
                + column
                + "' drawn grey"
            : "");
    o.println("wrote " + out + " and " + csv);
    return 0;
  }

  /** The cells as numbers (missing: NaN), or null when a non-blank cell is not a number. */
  static double[] numeric(List<String> cells) {
    double[] v = new double[cells.size()];
    for (int i = 0; i < v.length; i++) {
      String c = cells.get(i);
      if (c == null || c.isBlank()) {
        v[i] = Double.NaN;
        continue;
      }
      try {
        v[i] = Double.parseDouble(c.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return v;
  }
}
