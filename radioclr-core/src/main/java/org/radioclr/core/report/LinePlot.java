package org.radioclr.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.io.AtomicFiles;

/**
 * A small line plot drawn with Java2D: a title, axis labels, ticks at round numbers (1, 2 or 5
 * times a power of ten; powers of ten on a logarithmic y axis), one or more named series in
 * distinct colours ({@link #PALETTE}) and a legend. Non-finite points, and non-positive ones on a
 * log axis, break a line instead of being drawn. Written as PNG through {@link AtomicFiles}.
 *
 * @param title drawn above the plot
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param logY whether the y axis is logarithmic (base 10)
 * @param series the lines, drawn in order with colours {@code PALETTE[i % PALETTE.length]}
 */
public record LinePlot(
    String title, String xLabel, String yLabel, boolean logY, List<Series> series) {

  /** Series colours, in order. */
  public static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xd62728),
          new Color(0x2ca02c),
          new Color(0xff7f0e),
          new Color(0x9467bd),
          new Color(0x8c564b));

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

  /** Renders this plot alone as a {@code width x height} RGB image. */
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
    return PlotFrame.canvas(
        width,
        height,
        g -> {
          for (int i = 0; i < plots.size(); i++) {
            plots.get(i).draw(g, 0, i * panel, width, panel);
          }
        });
  }

  /** Writes this plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    writePanels(target, List.of(this), width, height);
  }

  /** Writes plots stacked top to bottom as one {@code width x height} PNG, atomically. */
  public static void writePanels(Path target, List<LinePlot> plots, int width, int height) {
    PlotFrame.writePng(target, renderPanels(plots, width, height));
  }

  private void draw(Graphics2D g, int x0, int y0, int w, int h) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(13, h / 20)));
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lh = fm.getHeight();
    int left = x0 + lh + fm.stringWidth("-0.000e-00") + 6;
    int right = x0 + w - 10;
    int top = y0 + lh + 8;
    int bottom = y0 + h - 2 * lh - 6;

    double[] xr = range(false, true);
    double[] yr = range(logY, false);
    double xlo = xr[0], xhi = xr[1];
    double ylo = logY ? Math.log10(yr[0]) : yr[0];
    double yhi = logY ? Math.log10(yr[1]) : yr[1];
    double[] xt = niceTicks(xlo, xhi, 6);
    double[] yt = logY ? logTicks(ylo, yhi) : niceTicks(ylo, yhi, 5);
    if (!logY && yt.length > 0) {
      ylo = Math.min(ylo, yt[0]);
      yhi = Math.max(yhi, yt[yt.length - 1]);
    }
    PlotFrame frame = new PlotFrame(left, top, right, bottom);
    double fxlo = xlo, fxhi = xhi, fylo = ylo, fyhi = yhi;
    java.util.function.DoubleUnaryOperator px = v -> frame.x(v, fxlo, fxhi);
    java.util.function.DoubleUnaryOperator py = v -> frame.y(v, fylo, fyhi);

    PlotFrame.centred(g, title, x0, w, y0 + lh);
    frame.xLabel(g, xLabel, y0 + h - 6);
    frame.yLabel(g, yLabel, x0 + fm.getAscent());
    for (double t : xt) {
      frame.xTick(g, (int) Math.round(px.applyAsDouble(t)), PlotFrame.tickLabel(t));
    }
    for (double t : yt) {
      frame.yTick(
          g,
          (int) Math.round(py.applyAsDouble(t)),
          logY ? PlotFrame.tickLabel(Math.pow(10, t)) : PlotFrame.tickLabel(t));
    }
    frame.border(g);

    // lines
    g.setStroke(new BasicStroke(2f));
    java.awt.Shape clip = g.getClip();
    g.clipRect(left, top, right - left + 1, bottom - top + 1);
    for (int s = 0; s < series.size(); s++) {
      Series sr = series.get(s);
      g.setColor(PALETTE.get(s % PALETTE.size()));
      Path2D.Double path = new Path2D.Double();
      boolean pen = false;
      int points = 0;
      double lastX = 0, lastY = 0;
      for (int i = 0; i < sr.x.length; i++) {
        double xv = sr.x[i];
        double yv = sr.y[i];
        if (!Double.isFinite(xv) || !Double.isFinite(yv) || (logY && yv <= 0)) {
          pen = false;
          continue;
        }
        lastX = px.applyAsDouble(xv);
        lastY = py.applyAsDouble(logY ? Math.log10(yv) : yv);
        if (pen) {
          path.lineTo(lastX, lastY);
        } else {
          path.moveTo(lastX, lastY);
          pen = true;
        }
        points++;
      }
      g.draw(path);
      if (points == 1) {
        g.fillOval((int) lastX - 3, (int) lastY - 3, 7, 7);
      }
    }
    g.setClip(clip);

    frame.legend(g, series.stream().map(Series::name).toList(), PALETTE, true);
  }

  /** Min and max over all drawable values of x ({@code ofX}) or y; widened when degenerate. */
  private double[] range(boolean log, boolean ofX) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i]) || (logY && s.y[i] <= 0)) {
          continue;
        }
        double v = ofX ? s.x[i] : s.y[i];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      return log ? new double[] {1, 10} : new double[] {0, 1};
    }
    if (lo == hi) {
      if (log) {
        return new double[] {lo / 2, hi * 2};
      }
      double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      return new double[] {lo - d, hi + d};
    }
    return new double[] {lo, hi};
  }

  /**
   * Round tick values (1, 2 or 5 times a power of ten apart) covering {@code [lo, hi]} with about
   * {@code target} intervals: the first tick is at or below {@code lo}, the last at or above {@code
   * hi}.
   */
  public static double[] niceTicks(double lo, double hi, int target) {
    if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || target < 1) {
      throw new IllegalArgumentException(
          "tick range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
    }
    double raw = (hi - lo) / target;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    long first = (long) Math.floor(lo / step + 1e-9);
    long last = (long) Math.ceil(hi / step - 1e-9);
    List<Double> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      double t = k * step;
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] logTicks(double lo, double hi) {
    int a = (int) Math.floor(lo);
    int b = (int) Math.ceil(hi);
    int stride = Math.max(1, (b - a + 5) / 6);
    List<Double> t = new ArrayList<>();
    // less than two decades: also 2 and 5 times the powers of ten
    double[] mantissas = hi - lo < 2 ? new double[] {1, 2, 5} : new double[] {1};
    for (int k = a; k <= b; k += stride) {
      for (double m : mantissas) {
        t.add(k + Math.log10(m));
      }
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
