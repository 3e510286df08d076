package org.radioclr.core.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line plot drawn with XChart in the {@link Charts} style: a title, axis labels, one or more
 * named series in distinct colours ({@link #PALETTE}) and a legend in the emptiest corner.
 * Non-finite points, and non-positive ones on a log axis, break a line instead of being drawn; a
 * series with a point that has no drawable neighbour shows its points as dots. Written as PNG
 * through {@link Charts}.
 *
 * @param title drawn above the plot
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param logY whether the y axis is logarithmic (base 10)
 * @param series the lines, drawn in order with colours {@code PALETTE[i % PALETTE.length]}
 */
public record LinePlot(
    String title, String xLabel, String yLabel, boolean logY, List<Series> series) {

  /** Series colours, in order: {@link Charts#PALETTE}. */
  public static final List<Color> PALETTE = Charts.PALETTE;

  /**
   * One line.
   *
   * @param name shown in the legend
   * @param x abscissae, same length as {@code y}
   * @param y ordinates
   */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      Objects.requireNonNull(name, "name");
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "series " + name + ": x has " + x.length + " values but y has " + y.length);
      }
      x = x.clone();
      y = y.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }
  }

  public LinePlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a plot needs at least one series");
    }
  }

  /**
   * Renders this plot alone as a {@code width x height} RGB image.
   *
   * @throws IllegalArgumentException when the image is smaller than 120 x 80 pixels
   */
  public BufferedImage render(int width, int height) {
    return renderPanels(List.of(this), width, height);
  }

  /**
   * Renders plots stacked top to bottom, each {@code height / plots.size()} pixels high.
   *
   * @throws IllegalArgumentException when the image is smaller than 120 x 80 pixels per panel
   */
  public static BufferedImage renderPanels(List<LinePlot> plots, int width, int height) {
    if (plots.isEmpty()) {
      throw new IllegalArgumentException("no plots to render");
    }
    int panel = height / plots.size();
    if (width < 120 || panel < 80) {
      throw new IllegalArgumentException(
          "plot size must be at least 120 x 80 per panel, got " + width + " x " + panel);
    }
    return Charts.stack(plots.stream().map(p -> p.chart(width, panel)).toList(), width, height);
  }

  /** Writes this plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    writePanels(target, List.of(this), width, height);
  }

  /** Writes plots stacked top to bottom as one {@code width x height} PNG, atomically. */
  public static void writePanels(Path target, List<LinePlot> plots, int width, int height) {
    Charts.writePng(target, renderPanels(plots, width, height));
  }

  /** This plot as an XChart chart of the given size. */
  public XYChart chart(int width, int height) {
    XYChart chart = Charts.xy(width, height, title, xLabel, yLabel);
    Charts.logarithmic(chart.getStyler(), false, logY);
    chart.getStyler().setMarkerSize(6);
    boolean any = false;
    for (int s = 0; s < series.size(); s++) {
      Series sr = series.get(s);
      double[] x = sr.x.clone();
      double[] y = sr.y.clone();
      boolean[] ok = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        ok[i] = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0);
        if (!ok[i]) {
          // XChart breaks a line at a NaN ordinate, and leaves NaN out of an axis' range
          x[i] = Double.NaN;
          y[i] = Double.NaN;
        }
      }
      // a point with no drawable neighbour makes no line: show the series' points as dots
      boolean isolated = false;
      for (int i = 0; i < x.length; i++) {
        isolated |= ok[i] && (i == 0 || !ok[i - 1]) && (i == x.length - 1 || !ok[i + 1]);
        any |= ok[i];
      }
      XYSeries line = Charts.addSeries(chart, sr.name, x, y, null);
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineWidth(2f);
      line.setMarker(isolated ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      Color c = PALETTE.get(s % PALETTE.size());
      line.setLineColor(c);
      line.setMarkerColor(c);
    }
    if (!any) {
      // nothing to draw: an empty frame over a default range
      chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
      chart.getStyler().setYAxisMin(logY ? 1.0 : 0.0).setYAxisMax(logY ? 10.0 : 1.0);
    }
    Charts.placeLegend(chart);
    return chart;
  }
}
