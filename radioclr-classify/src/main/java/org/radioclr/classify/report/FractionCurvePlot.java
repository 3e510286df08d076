package org.radioclr.classify.report;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.core.report.LinePlot;
import org.radioclr.core.report.PlotFrame;

/**
 * A score against the fraction of training labels used, one line per initialisation (random,
 * SimCLR, ImageNet...) with markers and ± error bars, on a logarithmic x axis: the form of the
 * paper's Fig. 7 (§3.3). Drawn with Java2D in the style and colours of {@link LinePlot}; written as
 * PNG through {@link PlotFrame}.
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
    PlotFrame.writePng(target, render(width, height));
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
    return PlotFrame.canvas(width, height, g -> draw(g, width, height));
  }

  private void draw(Graphics2D g, int w, int h) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(13, h / 20)));
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lh = fm.getHeight();
    int left = lh + fm.stringWidth("0.000") + 10;
    int right = w - 10;
    int top = lh + 8;
    int bottom = h - 2 * lh - 6;

    double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
    double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
    for (Curve c : curves) {
      for (int i = 0; i < c.fractions.length; i++) {
        xlo = Math.min(xlo, Math.log10(c.fractions[i]));
        xhi = Math.max(xhi, Math.log10(c.fractions[i]));
        if (Double.isFinite(c.mean[i])) {
          ylo = Math.min(ylo, c.mean[i] - c.error[i]);
          yhi = Math.max(yhi, c.mean[i] + c.error[i]);
        }
      }
    }
    if (!(yhi > ylo)) {
      double mid = Double.isFinite(ylo) ? ylo : 0.5;
      ylo = mid - 0.05;
      yhi = mid + 0.05;
    }
    // a little room either side on the log axis
    double pad = Math.max(0.05, (xhi - xlo) * 0.05);
    xlo -= pad;
    xhi += pad;
    double[] yt = LinePlot.niceTicks(ylo, yhi, 5);
    ylo = Math.min(ylo, yt[0]);
    yhi = Math.max(yhi, yt[yt.length - 1]);
    PlotFrame frame = new PlotFrame(left, top, right, bottom);
    double fxlo = xlo, fxhi = xhi, fylo = ylo, fyhi = yhi;
    java.util.function.DoubleUnaryOperator px = v -> frame.x(Math.log10(v), fxlo, fxhi);
    java.util.function.DoubleUnaryOperator py = v -> frame.y(v, fylo, fyhi);

    PlotFrame.centred(g, title, 0, w, lh);
    frame.xLabel(g, "fraction of training labels", h - 6);
    frame.yLabel(g, yLabel, fm.getAscent());
    for (double t : logTicks(xlo, xhi)) {
      frame.xTick(g, (int) Math.round(px.applyAsDouble(t)), PlotFrame.tickLabel(t));
    }
    for (double t : yt) {
      frame.yTick(g, (int) Math.round(py.applyAsDouble(t)), PlotFrame.tickLabel(t));
    }
    frame.border(g);

    for (int s = 0; s < curves.size(); s++) {
      Curve c = curves.get(s);
      g.setColor(LinePlot.PALETTE.get(s % LinePlot.PALETTE.size()));
      Integer[] order = new Integer[c.fractions.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(c.fractions[a], c.fractions[b]));
      g.setStroke(new BasicStroke(2f));
      Path2D.Double path = new Path2D.Double();
      boolean pen = false;
      for (int i : order) {
        if (!Double.isFinite(c.mean[i])) {
          pen = false;
          continue;
        }
        double x = px.applyAsDouble(c.fractions[i]);
        double y = py.applyAsDouble(c.mean[i]);
        if (pen) {
          path.lineTo(x, y);
        } else {
          path.moveTo(x, y);
          pen = true;
        }
      }
      g.draw(path);
      g.setStroke(new BasicStroke(1.5f));
      for (int i : order) {
        if (!Double.isFinite(c.mean[i])) {
          continue;
        }
        int x = (int) Math.round(px.applyAsDouble(c.fractions[i]));
        int y = (int) Math.round(py.applyAsDouble(c.mean[i]));
        int ya = (int) Math.round(py.applyAsDouble(c.mean[i] - c.error[i]));
        int yb = (int) Math.round(py.applyAsDouble(c.mean[i] + c.error[i]));
        g.drawLine(x, ya, x, yb);
        g.drawLine(x - 4, ya, x + 4, ya);
        g.drawLine(x - 4, yb, x + 4, yb);
        g.fillOval(x - 4, y - 4, 9, 9);
      }
    }

    // legend, lower right (scores rise with the fraction, so the corner is usually empty)
    frame.legend(g, curves.stream().map(Curve::name).toList(), LinePlot.PALETTE, false);
  }

  /** Tick values (not logs) at 1, 2, 5 times powers of ten within {@code [10^lo, 10^hi]}. */
  static List<Double> logTicks(double lo, double hi) {
    List<Double> t = new ArrayList<>();
    for (int k = (int) Math.floor(lo); k <= (int) Math.ceil(hi); k++) {
      for (double m : hi - lo < 2.5 ? new double[] {1, 2, 5} : new double[] {1}) {
        double v = m * Math.pow(10, k);
        double l = Math.log10(v);
        if (l >= lo - 1e-9 && l <= hi + 1e-9) {
          t.add(v);
        }
      }
    }
    return t;
  }
}
