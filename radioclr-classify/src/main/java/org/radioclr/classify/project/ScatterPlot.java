package org.radioclr.classify.project;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.report.LinePlot;
import org.radioclr.core.report.PlotFrame;

/**
 * A 2-D scatter plot drawn with Java2D, for projections of feature vectors: points coloured by a
 * category (a legend; empty categories, e.g. unlabelled rows, drawn grey beneath the rest as in the
 * paper's Fig. A.3), by a number (viridis colour bar, optionally logarithmic, as the noise-rms
 * panel of Fig. 5(g); missing values and non-positive values on a log scale drawn grey), or plain.
 * Drawn on a {@link PlotFrame}, written as PNG through {@link AtomicFiles}.
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

  /** Viridis anchors, 0 to 1 in eighths. */
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
    PlotFrame.writePng(target, render(width, height));
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
    return PlotFrame.canvas(width, height, g -> draw(g, width, height));
  }

  private void draw(Graphics2D g, int w, int h) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lh = fm.getHeight();
    int side = colourName == null ? 0 : Math.min(220, w / 4);
    int left = lh + fm.stringWidth("-0.000") + 10;
    int right = w - side - 14;
    int top = lh + 10;
    int bottom = h - 2 * lh - 8;

    double[] xr = range(x);
    double[] yr = range(y);
    double[] xt = LinePlot.niceTicks(xr[0], xr[1], 6);
    double[] yt = LinePlot.niceTicks(yr[0], yr[1], 6);
    double xlo = xt[0], xhi = xt[xt.length - 1], ylo = yt[0], yhi = yt[yt.length - 1];
    PlotFrame frame = new PlotFrame(left, top, right, bottom);
    java.util.function.DoubleUnaryOperator px = v -> frame.x(v, xlo, xhi);
    java.util.function.DoubleUnaryOperator py = v -> frame.y(v, ylo, yhi);

    PlotFrame.centred(g, title, left, right - left, lh);
    frame.xLabel(g, xLabel, h - 6);
    frame.yLabel(g, yLabel, fm.getAscent());
    for (double t : xt) {
      frame.xTick(g, (int) Math.round(px.applyAsDouble(t)), PlotFrame.tickLabel(t));
    }
    for (double t : yt) {
      frame.yTick(g, (int) Math.round(py.applyAsDouble(t)), PlotFrame.tickLabel(t));
    }

    double r = x.length > 2000 ? 2.2 : x.length > 300 ? 3 : 4;
    Map<String, Color> legend = categoryColours();
    double[] vr = valueRange();
    // grey points first, then the rest (largest categories first so small ones stay visible)
    List<Integer> order = drawOrder();
    for (int i : order) {
      Color c;
      if (!hasColour(i)) {
        c = MISSING;
      } else if (categories != null) {
        c = legend.get(categories.get(i));
      } else if (values != null) {
        c = viridis((scaled(values[i]) - vr[0]) / (vr[1] - vr[0]));
      } else {
        c = CATEGORY_COLOURS.get(0);
      }
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
      double cx = px.applyAsDouble(x[i]);
      double cy = py.applyAsDouble(y[i]);
      g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }
    frame.border(g);

    int sx = right + 16;
    if (categories != null) {
      g.drawString(colourName, sx, top + fm.getAscent());
      int yy = top + lh + 4;
      int missing = missing();
      List<Map.Entry<String, Color>> entries = new ArrayList<>(legend.entrySet());
      if (missing > 0) {
        entries.add(Map.entry("(none)", MISSING));
      }
      for (Map.Entry<String, Color> e : entries) {
        if (yy + lh > bottom) {
          g.drawString("...", sx, yy + fm.getAscent());
          break;
        }
        g.setColor(e.getValue());
        g.fillOval(sx, yy + lh / 2 - 5, 10, 10);
        g.setColor(Color.BLACK);
        g.drawString(clip(e.getKey(), fm, side - 24), sx + 16, yy + fm.getAscent());
        yy += lh + 2;
      }
    } else if (values != null) {
      String head = log ? colourName + " (log)" : colourName;
      g.drawString(clip(head, fm, side - 10), sx, top + fm.getAscent());
      int barTop = top + lh + 6;
      int barBottom = bottom;
      int barW = 18;
      for (int p = barTop; p <= barBottom; p++) {
        g.setColor(viridis((barBottom - p) / (double) Math.max(1, barBottom - barTop)));
        g.drawLine(sx, p, sx + barW, p);
      }
      g.setColor(Color.BLACK);
      g.drawRect(sx - 1, barTop - 1, barW + 2, barBottom - barTop + 2);
      if (vr[1] > vr[0]) {
        for (double t : barTicks(vr)) {
          int p =
              (int) Math.round(barBottom - (t - vr[0]) / (vr[1] - vr[0]) * (barBottom - barTop));
          g.drawLine(sx + barW, p, sx + barW + 4, p);
          String s = log ? PlotFrame.tickLabel(Math.pow(10, t)) : PlotFrame.tickLabel(t);
          g.drawString(s, sx + barW + 7, p + fm.getAscent() / 2 - 1);
        }
      }
    }
  }

  private List<Integer> drawOrder() {
    List<Integer> order = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      order.add(i);
    }
    if (categories != null) {
      Map<String, Integer> size = new TreeMap<>();
      for (String c : categories) {
        size.merge(c, 1, Integer::sum);
      }
      order.sort(
          Comparator.comparing((Integer i) -> hasColour(i))
              .thenComparing(i -> -size.get(categories.get(i))));
    } else {
      order.sort(Comparator.comparing((Integer i) -> hasColour(i)));
    }
    return order;
  }

  /** Categories in sorted order with their colours. */
  private Map<String, Color> categoryColours() {
    Map<String, Color> out = new LinkedHashMap<>();
    if (categories == null) {
      return out;
    }
    int k = 0;
    for (String c : new java.util.TreeSet<>(categories)) {
      if (!c.isEmpty()) {
        out.put(c, CATEGORY_COLOURS.get(k++ % CATEGORY_COLOURS.size()));
      }
    }
    return out;
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

  private double[] barTicks(double[] vr) {
    if (log && vr[1] - vr[0] >= 1) {
      List<Double> t = new ArrayList<>();
      for (int k = (int) Math.ceil(vr[0]); k <= Math.floor(vr[1]); k++) {
        t.add((double) k);
      }
      if (t.size() >= 2) {
        return t.stream().mapToDouble(Double::doubleValue).toArray();
      }
    }
    List<Double> t = new ArrayList<>();
    for (double v : LinePlot.niceTicks(vr[0], vr[1], 5)) {
      if (v >= vr[0] - 1e-12 && v <= vr[1] + 1e-12) {
        t.add(v);
      }
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
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

  private static double[] range(double[] v) {
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      return new double[] {lo - 1, hi + 1};
    }
    return new double[] {lo, hi};
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
