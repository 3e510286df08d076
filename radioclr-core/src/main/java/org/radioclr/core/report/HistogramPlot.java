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
 * Histograms of several groups over the same equal-width bins of {@code [lo, hi]}, drawn with
 * XChart in the {@link Charts} style as step outlines, one colour per group ({@link
 * Charts#PALETTE}, in order, later groups on top) with a legend. On a logarithmic count axis empty
 * bins break the outline and the axis starts at 0.5, so that bins of one count stay visible.
 *
 * @param title drawn above the plot
 * @param xLabel the binned quantity
 * @param yLabel the count axis label
 * @param lo the lower edge of the first bin
 * @param hi the upper edge of the last bin, {@code > lo}
 * @param logY whether the count axis is logarithmic (base 10)
 * @param groups the histograms, each with the same number of bins (at least one)
 */
public record HistogramPlot(
    String title,
    String xLabel,
    String yLabel,
    double lo,
    double hi,
    boolean logY,
    List<Group> groups) {

  /**
   * One group's counts.
   *
   * @param name shown in the legend
   * @param counts {@code [bins]} counts, finite and {@code >= 0}
   */
  public record Group(String name, double[] counts) {
    public Group {
      Objects.requireNonNull(name, "name");
      for (double c : counts) {
        if (!(c >= 0) || !Double.isFinite(c)) {
          throw new IllegalArgumentException("group " + name + ": bad count " + c);
        }
      }
      counts = counts.clone();
    }

    @Override
    public double[] counts() {
      return counts.clone();
    }
  }

  public HistogramPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("bin range must be finite with lo < hi");
    }
    groups = List.copyOf(groups);
    if (groups.isEmpty() || groups.get(0).counts.length == 0) {
      throw new IllegalArgumentException("a histogram needs at least one group and one bin");
    }
    int bins = groups.get(0).counts.length;
    for (Group g : groups) {
      if (g.counts.length != bins) {
        throw new IllegalArgumentException(
            "group " + g.name + " has " + g.counts.length + " bins, expected " + bins);
      }
    }
  }

  /**
   * Renders the plot as a {@code width x height} RGB image.
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

  /** Writes the plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    Charts.writePng(target, render(width, height));
  }

  /** This plot as an XChart chart of the given size. */
  public XYChart chart(int width, int height) {
    XYChart chart = Charts.xy(width, height, title, xLabel, yLabel);
    Charts.logarithmic(chart.getStyler(), false, logY);
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
    chart.getStyler().setYAxisMin(logY ? 0.5 : 0.0);
    double top = 0;
    int bins = groups.get(0).counts.length;
    for (int k = 0; k < groups.size(); k++) {
      Group g = groups.get(k);
      // each bin's top edge as two points; an empty bin on a log axis is a gap
      double[] x = new double[2 * bins];
      double[] y = new double[2 * bins];
      for (int b = 0; b < bins; b++) {
        double c = logY && g.counts[b] == 0 ? Double.NaN : g.counts[b];
        x[2 * b] = lo + (hi - lo) * b / bins;
        x[2 * b + 1] = lo + (hi - lo) * (b + 1) / bins;
        y[2 * b] = c;
        y[2 * b + 1] = c;
        top = Math.max(top, g.counts[b]);
      }
      XYSeries s = Charts.addSeries(chart, g.name, x, y, null);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineWidth(2f);
      Color c = Charts.PALETTE.get(k % Charts.PALETTE.size());
      s.setLineColor(c);
    }
    if (top == 0 || (logY && top < 1)) {
      chart.getStyler().setYAxisMax(logY ? 10.0 : 1.0);
    }
    Charts.placeLegend(chart);
    return chart;
  }
}
