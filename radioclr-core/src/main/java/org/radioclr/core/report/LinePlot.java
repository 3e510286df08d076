package org.radioclr.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
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
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      for (int i = 0; i < plots.size(); i++) {
        plots.get(i).draw(g, 0, i * panel, width, panel);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes this plot as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    writePanels(target, List.of(this), width, height);
  }

  /** Writes plots stacked top to bottom as one {@code width x height} PNG, atomically. */
  public static void writePanels(Path target, List<LinePlot> plots, int width, int height) {
    BufferedImage img = renderPanels(plots, width, height);
    AtomicFiles.write(
        target,
        tmp -> {
          if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
          }
        });
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
    double fxlo = xlo, fxhi = xhi, fylo = ylo, fyhi = yhi;
    java.util.function.DoubleUnaryOperator px =
        v -> left + (v - fxlo) / (fxhi - fxlo) * (right - left);
    java.util.function.DoubleUnaryOperator py =
        v -> bottom - (v - fylo) / (fyhi - fylo) * (bottom - top);

    // title and labels
    g.setColor(Color.BLACK);
    g.drawString(title, x0 + (w - fm.stringWidth(title)) / 2, y0 + lh);
    g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, y0 + h - 6);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, x0 + fm.getAscent());
    g.setTransform(saved);

    // grid and ticks
    for (double t : xt) {
      int px1 = (int) Math.round(px.applyAsDouble(t));
      if (px1 < left - 1 || px1 > right + 1) {
        continue;
      }
      g.setColor(new Color(0xe6e6e6));
      g.drawLine(px1, top, px1, bottom);
      g.setColor(Color.BLACK);
      g.drawLine(px1, bottom, px1, bottom + 4);
      String s = format(t);
      g.drawString(s, px1 - fm.stringWidth(s) / 2, bottom + 4 + fm.getAscent());
    }
    for (double t : yt) {
      int py1 = (int) Math.round(py.applyAsDouble(t));
      if (py1 < top - 1 || py1 > bottom + 1) {
        continue;
      }
      g.setColor(new Color(0xe6e6e6));
      g.drawLine(left, py1, right, py1);
      g.setColor(Color.BLACK);
      g.drawLine(left - 4, py1, left, py1);
      String s = logY ? format(Math.pow(10, t)) : format(t);
      g.drawString(s, left - 6 - fm.stringWidth(s), py1 + fm.getAscent() / 2 - 1);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, right - left, bottom - top);

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

    // legend
    g.setStroke(new BasicStroke(1f));
    int lw = 0;
    for (Series sr : series) {
      lw = Math.max(lw, fm.stringWidth(sr.name));
    }
    int boxW = lw + 34;
    int boxH = series.size() * lh + 6;
    int bx = right - boxW - 6;
    int by = top + 6;
    g.setColor(Color.WHITE);
    g.fillRect(bx, by, boxW, boxH);
    g.setColor(Color.GRAY);
    g.drawRect(bx, by, boxW, boxH);
    for (int s = 0; s < series.size(); s++) {
      int yy = by + 3 + s * lh + lh / 2;
      g.setColor(PALETTE.get(s % PALETTE.size()));
      g.fillRect(bx + 5, yy - 2, 20, 4);
      g.setColor(Color.BLACK);
      g.drawString(series.get(s).name, bx + 29, yy + fm.getAscent() / 2 - 1);
    }
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

  private static String format(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
