package org.radioclr.classify.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.core.report.Charts;

/**
 * A score against the fraction of training labels used, one line per initialisation (random,
 * SimCLR, ImageNet...) with markers and ± error bars, on a logarithmic x axis: the form of the
 * paper's Fig. 7 (§3.3). Drawn with XChart in the {@link Charts} style and colours; points with a
 * non-finite score are left out. Written as PNG through {@link Charts}.
 *
 * @param title drawn above the plot
 * @param yLabel the score, e.g. {@code "macro F1"}
 * @param curves the lines, in legend order
 */
public record FractionCurvePlot(String title, String yLabel, List<Curve> curves) {

  /**
   * One initialisation's scores.
   *
   * @param name shown in the legend
   * @param fractions {@code [points]} label fractions in (0, 1]
   * @param mean {@code [points]} the score at each fraction
   * @param error {@code [points]} half-length of the error bar (e.g. the standard error), &ge; 0
   */
  public record Curve(String name, double[] fractions, double[] mean, double[] error) {
    public Curve {
      Objects.requireNonNull(name, "name");
      if (fractions.length != mean.length || mean.length != error.length) {
        throw new IllegalArgumentException(
            "curve "
                + name
                + ": fractions, mean and error must have the same length, got "
                + fractions.length
                + ", "
                + mean.length
                + ", "
                + error.length);
      }
      for (int i = 0; i < fractions.length; i++) {
        if (!(fractions[i] > 0 && fractions[i] <= 1)) {
          throw new IllegalArgumentException(
              "curve " + name + ": label fraction must be in (0, 1], got " + fractions[i]);
        }
        if (!(error[i] >= 0)) {
          throw new IllegalArgumentException(
              "curve " + name + ": error must be >= 0, got " + error[i]);
        }
      }
      fractions = fractions.clone();
      mean = mean.clone();
      error = error.clone();
    }

    /**
     * A curve from summaries over splits, one per fraction.
     *
     * @param figure one of {@link MeanAndError#OVERALL}, e.g. {@code "macro_f1"} or {@code
     *     "accuracy"}
     */
    public static Curve of(
        String name, double[] fractions, List<MeanAndError> summaries, String figure) {
      if (summaries.size() != fractions.length) {
        throw new IllegalArgumentException(
            "need one summary per fraction, got " + summaries.size() + " for " + fractions.length);
      }
      double[] m = new double[fractions.length];
      double[] e = new double[fractions.length];
      for (int i = 0; i < m.length; i++) {
        m[i] = summaries.get(i).figure(figure).mean();
        e[i] = summaries.get(i).figure(figure).standardError();
      }
      return new Curve(name, fractions, m, e);
    }

    @Override
    public double[] fractions() {
      return fractions.clone();
    }

    @Override
    public double[] mean() {
      return mean.clone();
    }

    @Override
    public double[] error() {
      return error.clone();
    }
  }

  public FractionCurvePlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(yLabel, "yLabel");
    curves = List.copyOf(curves);
    if (curves.isEmpty() || curves.stream().allMatch(c -> c.fractions.length == 0)) {
      throw new IllegalArgumentException("a fraction plot needs at least one point");
    }
  }

  /** Writes the plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    Charts.writePng(target, render(width, height));
  }

  /**
   * Renders the plot.
   *
   * @throws IllegalArgumentException when smaller than 160 x 120 pixels
   */
  public BufferedImage render(int width, int height) {
    if (width < 160 || height < 120) {
      throw new IllegalArgumentException(
          "plot size must be at least 160 x 120, got " + width + " x " + height);
    }
    return Charts.render(chart(width, height));
  }

  /** This plot as an XChart chart of the given size. */
  public XYChart chart(int width, int height) {
    XYChart chart = Charts.xy(width, height, title, "fraction of training labels", yLabel);
    Charts.logarithmic(chart.getStyler(), true, false);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setMarkerSize(8);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < curves.size(); s++) {
      Curve c = curves.get(s);
      Integer[] order = new Integer[c.fractions.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(c.fractions[a], c.fractions[b]));
      double[] x = new double[order.length];
      double[] y = new double[order.length];
      double[] e = new double[order.length];
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        boolean ok = Double.isFinite(c.mean[i]);
        x[k] = c.fractions[i];
        y[k] = ok ? c.mean[i] : Double.NaN;
        e[k] = ok && Double.isFinite(c.error[i]) ? c.error[i] : 0;
        lo = Math.min(lo, x[k]);
        hi = Math.max(hi, x[k]);
      }
      XYSeries line = Charts.addSeries(chart, c.name, x, y, e);
      Color colour = Charts.PALETTE.get(s % Charts.PALETTE.size());
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineWidth(2f);
      line.setMarker(SeriesMarkers.CIRCLE);
      line.setLineColor(colour);
      line.setMarkerColor(colour);
    }
    // fewer than ten times between the extreme fractions: label 2, 3, ... 9 times the decade too
    chart.getStyler().setXAxisLogarithmicDecadeOnly(hi / lo >= 10);
    Charts.placeLegend(chart);
    return chart;
  }
}
