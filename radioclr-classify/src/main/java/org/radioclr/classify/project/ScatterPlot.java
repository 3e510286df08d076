package org.radioclr.classify.project;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radioclr.core.report.Charts;

/**
 * A 2-D scatter plot drawn with XChart in the {@link Charts} style, for projections of feature
 * vectors: points coloured by a category (a legend beside the plot headed by the category's name;
 * empty categories, e.g. unlabelled rows, drawn grey beneath the rest as in the paper's Fig. A.3),
 * by a number (viridis colour bar, optionally logarithmic, as the noise-rms panel of Fig. 5(g);
 * missing values and non-positive values on a log scale drawn grey), or plain. Written as PNG
 * through {@link Charts}.
 */
public final class ScatterPlot {
  /** Category colours (matplotlib's tab10), in order; more categories reuse them. */
  public static final List<Color> CATEGORY_COLOURS =
      List.of(
          new Color(0x1f77b4),
          new Color(0xff7f0e),
          new Color(0x2ca02c),
          new Color(0xd62728),
          new Color(0x9467bd),
          new Color(0x8c564b),
          new Color(0xe377c2),
          new Color(0x7f7f7f),
          new Color(0xbcbd22),
          new Color(0x17becf));

  /** The colour of points without a category or value. */
  public static final Color MISSING = new Color(0xc8c8c8);

  /** Colour steps of the viridis scale: each point takes the step nearest its value. */
  private static final int STEPS = 64;

  /** Longest legend entry, in characters. */
  private static final int LEGEND_CHARS = 24;

  /** Viridis anchors, 0 to 1 in sevenths (the last repeated). */
  private static final int[] VIRIDIS = {
    0x440154, 0x46327e, 0x365c8d, 0x277f8e, 0x1fa187, 0x4ac16d, 0xa0da39, 0xfde725, 0xfde725
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final double[] x;
  private final double[] y;
  private final String colourName;
  private final List<String> categories;
  private final double[] values;
  private final boolean log;

  private ScatterPlot(
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] y,
      String colourName,
      List<String> categories,
      double[] values,
      boolean log) {
    this.title = Objects.requireNonNull(title, "title");
    this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
    this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, got " + x.length + " and " + y.length);
    }
    if (categories != null && categories.size() != x.length) {
      throw new IllegalArgumentException(
          "need one category per point, got " + categories.size() + " for " + x.length);
    }
    if (values != null && values.length != x.length) {
      throw new IllegalArgumentException(
          "need one value per point, got " + values.length + " for " + x.length);
    }
    this.x = x.clone();
    this.y = y.clone();
    this.colourName = colourName;
    this.categories = categories == null ? null : List.copyOf(categories);
    this.values = values == null ? null : values.clone();
    this.log = log;
  }

  /** Points in one colour. */
  public static ScatterPlot plain(
      String title, String xLabel, String yLabel, double[] x, double[] y) {
    return new ScatterPlot(title, xLabel, yLabel, x, y, null, null, null, false);
  }

  /**
   * Points coloured by category ({@code ""} or null: grey, listed as "none" in the legend).
   *
   * @param name the legend title, e.g. {@code "label"}
   */
  public static ScatterPlot byCategory(
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] y,
      String name,
      List<String> categories) {
    List<String> c = new ArrayList<>(categories.size());
    for (String s : categories) {
      c.add(s == null ? "" : s);
    }
    return new ScatterPlot(title, xLabel, yLabel, x, y, name, c, null, false);
  }

  /**
   * Points coloured by a number on a viridis scale.
   *
   * @param name the colour-bar title, e.g. {@code "rms"}
   * @param log a base-10 logarithmic scale (non-positive values are then drawn grey)
   */
  public static ScatterPlot byValue(
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] y,
      String name,
      double[] values,
      boolean log) {
    return new ScatterPlot(title, xLabel, yLabel, x, y, name, null, values, log);
  }

  /**
   * Number of points drawn grey (no category, or a missing or, on a log scale, non-positive value).
   */
  public int missing() {
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (!hasColour(i)) {
        m++;
      }
    }
    return m;
  }

  private boolean hasColour(int i) {
    if (categories != null) {
      return !categories.get(i).isEmpty();
    }
    if (values != null) {
      double v = values[i];
      return Double.isFinite(v) && (!log || v > 0);
    }
    return true;
  }

  /** Writes the plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    Charts.writePng(target, render(width, height));
  }

  /**
   * Renders the plot.
   *
   * @throws IllegalArgumentException when smaller than 320 x 240 pixels
   */
  public BufferedImage render(int width, int height) {
    if (width < 320 || height < 240) {
      throw new IllegalArgumentException(
          "plot size must be at least 320 x 240, got " + width + " x " + height);
    }
    if (values == null) {
      return Charts.render(chart(width, height));
    }
    // XChart has no colour bar: the chart leaves a strip on the right for one
    int bar = Math.min(130, width / 5);
    XYChart chart = chart(width - bar, height);
    return Charts.canvas(
        width,
        height,
        g -> {
          chart.paint(g, width - bar, height);
          colourBar(g, width - bar, bar, height);
        });
  }

  /**
   * The scatter as an XChart chart of the given size; coloured by a number, its points only (the
   * colour bar is drawn by {@link #render}).
   */
  public XYChart chart(int width, int height) {
    XYChart chart = Charts.xy(width, height, title, xLabel, yLabel);
    Styler st = chart.getStyler();
    st.setMarkerSize(x.length > 2000 ? 4 : x.length > 300 ? 6 : 8);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    st.setLegendVisible(categories != null);
    st.setPlotContentSize(0.95);
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!hasColour(i)) {
        missing.add(i);
      }
    }
    if (categories == null) {
      // grey points first, beneath the rest
      if (!missing.isEmpty()) {
        points(chart, "(none)", missing, MISSING);
      }
      if (values == null) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          all.add(i);
        }
        points(chart, "points", all, CATEGORY_COLOURS.get(0));
        return chart;
      }
      double[] vr = valueRange();
      List<List<Integer>> steps = new ArrayList<>();
      for (int k = 0; k < STEPS; k++) {
        steps.add(new ArrayList<>());
      }
      for (int i = 0; i < x.length; i++) {
        if (hasColour(i)) {
          double f = (scaled(values[i]) - vr[0]) / (vr[1] - vr[0]);
          steps.get((int) Math.max(0, Math.min(STEPS - 1, Math.round(f * (STEPS - 1))))).add(i);
        }
      }
      for (int k = 0; k < STEPS; k++) {
        if (!steps.get(k).isEmpty()) {
          points(chart, "step " + k, steps.get(k), viridis(k / (double) (STEPS - 1)));
        }
      }
      return chart;
    }

    // a heading row, then the categories: colours in name order, drawn largest first so that
    // small categories stay visible, the grey ones first of all
    legendRow(chart, clip(colourName) + ":");
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < x.length; i++) {
      if (hasColour(i)) {
        members.computeIfAbsent(categories.get(i), c -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Color> colour = new TreeMap<>();
    for (String c : members.keySet()) {
      colour.put(c, CATEGORY_COLOURS.get(colour.size() % CATEGORY_COLOURS.size()));
    }
    List<String> order = new ArrayList<>(members.keySet());
    order.sort(Comparator.comparing((String c) -> -members.get(c).size()));
    // legend rows that fit beside the plot, the heading aside; past them a "... n more" row
    double rowHeight = 1.25 * Math.max(st.getLegendFont().getSize(), st.getMarkerSize()) + 8;
    int rows = Math.max(2, (int) ((height - 40) / rowHeight) - 2);
    int entries = order.size() + (missing.isEmpty() ? 0 : 1);
    int shown = 0;
    if (!missing.isEmpty()) {
      points(chart, "(none)", missing, MISSING);
      shown++;
    }
    int hidden = 0;
    for (String c : order) {
      XYSeries series = points(chart, clip(c), members.get(c), colour.get(c));
      if (entries <= rows || shown < rows - 1) {
        shown++;
      } else {
        series.setShowInLegend(false);
        hidden++;
      }
    }
    if (hidden > 0) {
      legendRow(chart, "… " + hidden + " more");
    }
    return chart;
  }

  /** Adds points {@code idx} as one series in one colour; non-finite points are not drawn. */
  private XYSeries points(XYChart chart, String name, List<Integer> idx, Color colour) {
    double[] px = new double[idx.size()];
    double[] py = new double[idx.size()];
    for (int k = 0; k < px.length; k++) {
      boolean finite = Double.isFinite(x[idx.get(k)]) && Double.isFinite(y[idx.get(k)]);
      // a point without both coordinates is left out (XChart skips NaN, fails on infinities)
      px[k] = finite ? x[idx.get(k)] : Double.NaN;
      py[k] = finite ? y[idx.get(k)] : Double.NaN;
    }
    XYSeries s = Charts.addSeries(chart, name, px, py, null);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(colour);
    return s;
  }

  /** A legend row of text alone: a series with no point and no marker. */
  private static void legendRow(XYChart chart, String text) {
    XYSeries s =
        Charts.addSeries(chart, text, new double[] {Double.NaN}, new double[] {Double.NaN}, null);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.NONE);
  }

  /** Draws the colour bar in the strip {@code [left, left + width)}. */
  private void colourBar(Graphics2D g, int left, int width, int height) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(13, height / 20)));
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int sx = left + 4;
    int barTop = 10 + 2 * fm.getHeight();
    int barBottom = height - 10 - 3 * fm.getHeight();
    int barW = 18;
    String head = log ? colourName + " (log)" : colourName;
    g.setColor(Color.BLACK);
    g.drawString(clip(head, fm, width - 8), sx, 10 + fm.getAscent() + fm.getHeight() / 2);
    for (int p = barTop; p <= barBottom; p++) {
      g.setColor(viridis((barBottom - p) / (double) Math.max(1, barBottom - barTop)));
      g.drawLine(sx, p, sx + barW, p);
    }
    g.setColor(Color.BLACK);
    g.drawRect(sx - 1, barTop - 1, barW + 2, barBottom - barTop + 2);
    double[] vr = valueRange();
    for (double t : barTicks(vr)) {
      int p = (int) Math.round(barBottom - (t - vr[0]) / (vr[1] - vr[0]) * (barBottom - barTop));
      g.drawLine(sx + barW, p, sx + barW + 4, p);
      double v = log ? Math.pow(10, t) : t;
      String s = Charts.tickLabel(new BigDecimal(v).round(new MathContext(3)).doubleValue());
      g.drawString(clip(s, fm, width - barW - 12), sx + barW + 7, p + fm.getAscent() / 2 - 1);
    }
  }

  /** Whole decades on a log scale spanning two or more, otherwise five evenly spaced values. */
  private double[] barTicks(double[] vr) {
    double lo = Math.ceil(vr[0] - 1e-9);
    double hi = Math.floor(vr[1] + 1e-9);
    if (log && hi - lo >= 1 && hi - lo <= 10) {
      double[] t = new double[(int) (hi - lo) + 1];
      for (int k = 0; k < t.length; k++) {
        t[k] = lo + k;
      }
      return t;
    }
    double[] t = new double[5];
    for (int k = 0; k < t.length; k++) {
      t[k] = vr[0] + (vr[1] - vr[0]) * k / (t.length - 1);
    }
    return t;
  }

  private double scaled(double v) {
    return log ? Math.log10(v) : v;
  }

  /** Min and max of the (scaled) colour values; widened when degenerate. */
  private double[] valueRange() {
    if (values == null) {
      return new double[] {0, 1};
    }
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (hasColour(i)) {
        lo = Math.min(lo, scaled(values[i]));
        hi = Math.max(hi, scaled(values[i]));
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    return new double[] {lo, hi};
  }

  /** Viridis at {@code f} in [0, 1]. */
  static Color viridis(double f) {
    double v = Math.max(0, Math.min(1, Double.isFinite(f) ? f : 0)) * 7;
    int i = (int) Math.floor(v);
    double t = v - i;
    int a = VIRIDIS[i];
    int b = VIRIDIS[i + 1];
    return new Color(
        mix(a >> 16 & 255, b >> 16 & 255, t),
        mix(a >> 8 & 255, b >> 8 & 255, t),
        mix(a & 255, b & 255, t));
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  private static String clip(String s) {
    return s.length() <= LEGEND_CHARS ? s : s.substring(0, LEGEND_CHARS - 1) + "…";
  }

  private static String clip(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }
}
