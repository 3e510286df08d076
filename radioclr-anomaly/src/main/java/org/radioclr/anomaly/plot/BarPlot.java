package org.radioclr.anomaly.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radioclr.core.report.Charts;

/**
 * A horizontal bar chart drawn with XChart in the {@link Charts} style: one bar per named value,
 * the first at the top, names on the left, values (>= 0) along a linear axis starting at 0. XChart
 * draws bars upright only, so each bar is a thick line from 0 on an XY chart whose category axis is
 * labelled with the names. Written as PNG through {@link Charts}.
 *
 * @param title drawn above the bars
 * @param valueLabel the value axis label
 * @param names one per bar, top to bottom
 * @param values {@code [bars]} finite, >= 0
 */
public record BarPlot(String title, String valueLabel, List<String> names, double[] values) {

  public BarPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueLabel, "valueLabel");
    names = List.copyOf(names);
    if (names.isEmpty() || names.size() != values.length) {
      throw new IllegalArgumentException(
          "a bar plot needs as many names as values, at least one; got "
              + names.size()
              + " names and "
              + values.length
              + " values");
    }
    for (double v : values) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("bar values must be finite and >= 0, got " + v);
      }
    }
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** Renders the chart as a {@code width x height} RGB image. */
  public BufferedImage render(int width, int height) {
    if (width < 160 || height < 40 + 8 * names.size()) {
      throw new IllegalArgumentException(
          "bar plot of " + names.size() + " bars too small: " + width + " x " + height);
    }
    return Charts.render(chart(width, height));
  }

  /** The chart as an XChart chart of the given size. */
  public XYChart chart(int width, int height) {
    XYChart chart = Charts.xy(width, height, title, valueLabel, "");
    XYStyler st = chart.getStyler();
    int n = names.size();
    st.setLegendVisible(false);
    st.setYAxisTitleVisible(false);
    st.setPlotGridHorizontalLinesVisible(false);
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    st.setXAxisMin(0.0).setXAxisMax(max > 0 ? max * 1.05 : 1.0);
    // bar i on row n - 1 - i, with an empty row -1 below and n above. XChart puts the ticks of an
    // axis whose values, in the order added, are equally spaced at those values (one per row),
    // as long as their labels differ: blank rows and repeated names get distinct runs of spaces
    List<String> labels = new ArrayList<>();
    labels.add(" ");
    for (int r = 0; r < n; r++) {
      String label = names.get(n - 1 - r);
      while (labels.contains(label)) {
        label += " ";
      }
      labels.add(label);
    }
    String above = "  ";
    while (labels.contains(above)) {
      above += " ";
    }
    labels.add(above);
    st.setyAxisTickLabelsFormattingFunction(
        v -> {
          long row = Math.round(v);
          return Math.abs(v - row) < 1e-6 && row >= -1 && row <= n ? labels.get((int) row + 1) : "";
        });
    // the plot is the chart less the title and value axis, about five lines of text
    int text = st.getAxisTickLabelsFont().getSize() + 8;
    float thick = (float) Math.max(1, 0.7 * 0.92 * (height - 5 * text) / (n + 1));
    row(chart, "below", Double.NaN, -1, thick);
    for (int r = 0; r < n; r++) {
      row(chart, "bar " + r, values[n - 1 - r], r, thick);
    }
    row(chart, "above", Double.NaN, n, thick);
    return chart;
  }

  /** A bar from 0 to {@code value} on row {@code row}; a NaN value draws nothing. */
  private static void row(XYChart chart, String name, double value, int row, float thick) {
    XYSeries bar =
        Double.isNaN(value)
            ? chart.addSeries(name, new double[] {Double.NaN}, new double[] {row})
            : chart.addSeries(name, new double[] {0, value}, new double[] {row, row});
    bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    bar.setMarker(SeriesMarkers.NONE);
    bar.setLineColor(Charts.PALETTE.get(0));
    bar.setLineStyle(new BasicStroke(thick, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
  }

  /** Writes the chart as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    Charts.writePng(target, render(width, height));
  }
}
