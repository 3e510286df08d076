package org.radioclr.classify.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.radioclr.classify.LabelledFeatures;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureTable;

/**
 * The {@code project} job (paper Fig. 4 and 5(g)): the rows of a feature table projected to 2-D
 * ({@link Projector}), drawn as a scatter plot coloured by a column ({@link ScatterPlot}, PNG) and
 * their coordinates written beside it ({@link ProjectionCsv}: {@code P.png} → {@code P.csv}).
 *
 * <p>{@link #open} reads the table and picks the colour column, so that a caller can check the
 * column before the (slow) projection; {@link #run} projects and writes both files.
 */
public final class ProjectionJob {
  /** The colour setting that draws every point alike. */
  public static final String NONE = "none";

  /** The colour setting (and column) of the labels. */
  public static final String LABEL = "label";

  private final Path features;
  private final Path plot;
  private final FeatureTable table;
  private final String column;
  private final List<String> cells;
  private final double[] numbers;

  private ProjectionJob(
      Path features,
      Path plot,
      FeatureTable table,
      String column,
      List<String> cells,
      double[] numbers) {
    this.features = features;
    this.plot = plot;
    this.table = table;
    this.column = column;
    this.cells = cells;
    this.numbers = numbers;
  }

  /**
   * What a run did.
   *
   * @param plot the PNG written
   * @param csv the coordinates written beside it
   * @param rows rows projected
   * @param dimension features per row
   * @param seconds time of the projection alone
   * @param column the colour column, or {@code null} when the points are not coloured
   * @param missing coloured rows drawn grey (no value, or not positive on a log scale)
   */
  public record Result(
      Path plot, Path csv, int rows, int dimension, double seconds, String column, int missing) {}

  /**
   * Reads the table and picks the colour column.
   *
   * @param features the feature table (.parquet or .csv)
   * @param colour {@value #LABEL}, another column of the table, {@value #NONE}, or {@code null}:
   *     the labels when any row has one, else none
   * @param plot the PNG to write; the coordinates go to the same name with {@code .csv}
   * @throws BadInputException naming the plot when it is not a {@code .png} file, or the table when
   *     it has no rows, a feature that is not a finite number, or no such colour column
   */
  public static ProjectionJob open(Path features, String colour, Path plot) {
    Objects.requireNonNull(features, "features");
    if (!plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new BadInputException(plot, "the plot must be a .png file");
    }
    FeatureTable table = FeatureTable.read(features);
    if (table.size() == 0) {
      throw new BadInputException(features, "the table has no rows");
    }
    table.requireFinite(features);
    String column = colour;
    if (column == null) {
      column = table.labels().stream().anyMatch(l -> !l.isBlank()) ? LABEL : NONE;
    }
    List<String> cells = null;
    if (!column.equals(NONE)) {
      if (column.equals(LABEL)) {
        cells = table.labels();
      } else if (table.extras().containsKey(column)) {
        cells = table.extras().get(column);
      } else {
        throw new BadInputException(
            features,
            "no column '"
                + column
                + "' to colour by; columns: "
                + LabelledFeatures.columns(table)
                + " (or '"
                + NONE
                + "')");
      }
    }
    return new ProjectionJob(
        features, plot, table, cells == null ? null : column, cells, numeric(cells));
  }

  /** The colour column, or {@code null} when the points are not coloured. */
  public String column() {
    return column;
  }

  /** Whether the colour column holds numbers (blank cells allowed), so can take a log scale. */
  public boolean numericColumn() {
    return numbers != null;
  }

  /**
   * Projects the rows and writes the plot and the coordinates (each replaced atomically).
   *
   * @param log a logarithmic colour scale; needs a {@link #numericColumn()}
   * @param seed seed of UMAP and t-SNE
   * @throws IllegalArgumentException when {@code log} is asked without a numeric column
   * @throws BadInputException naming the table when it has too few rows or features for the method
   */
  public Result run(ProjectionMethod method, boolean log, long seed, ProgressListener progress) {
    if (log && numbers == null) {
      throw new IllegalArgumentException(
          "a log scale needs a numeric colour column, '" + column + "' is not one");
    }
    long t0 = System.nanoTime();
    // the table's only problem left for the projection: too few rows or features for the method
    double[][] xy =
        BadInputException.check(
            features, () -> Projector.project(table.features(), method, seed, progress));
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] x = new double[xy.length];
    double[] y = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      x[i] = xy[i][0];
      y[i] = xy[i][1];
    }
    String axis =
        switch (method) {
          case UMAP -> "UMAP";
          case PCA -> "PC";
          case TSNE -> "t-SNE";
        };
    String title =
        String.format(
            Locale.ROOT,
            "%s of %s (%d rows x %d features)",
            method == ProjectionMethod.PCA ? "PCA" : axis,
            features.getFileName(),
            table.size(),
            table.dimension());
    ScatterPlot scatter;
    if (cells == null) {
      scatter = ScatterPlot.plain(title, axis + " 1", axis + " 2", x, y);
    } else if (numbers != null && !column.equals(LABEL)) {
      scatter = ScatterPlot.byValue(title, axis + " 1", axis + " 2", x, y, column, numbers, log);
    } else {
      scatter = ScatterPlot.byCategory(title, axis + " 1", axis + " 2", x, y, column, cells);
    }
    scatter.write(plot, 900, 700);
    Path csv = csvOf(plot);
    ProjectionCsv.write(csv, table.snames(), xy, column, cells);
    return new Result(
        plot,
        csv,
        table.size(),
        table.dimension(),
        seconds,
        column,
        cells == null ? 0 : scatter.missing());
  }

  /** The coordinates file beside a plot: {@code P.png} → {@code P.csv}. */
  static Path csvOf(Path plot) {
    String name = plot.getFileName().toString();
    return plot.resolveSibling(name.substring(0, name.length() - 4) + ".csv");
  }

  /** The cells as numbers (missing: NaN), or null when there are none or one is not a number. */
  static double[] numeric(List<String> cells) {
    if (cells == null) {
      return null;
    }
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
