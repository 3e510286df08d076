package org.radioclr.anomaly.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.report.LinePlot;
import org.radioclr.core.report.PlotFrame;

/**
 * A horizontal bar chart drawn with Java2D in the style of core's {@link LinePlot}: one bar per
 * named value, the first at the top, names on the left, values (>= 0) along a linear axis starting
 * at 0 with round ticks ({@link LinePlot#niceTicks}). Drawn on a {@link PlotFrame}, written as PNG
 * through {@link AtomicFiles}.
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
    return PlotFrame.canvas(width, height, g -> draw(g, width, height));
  }

  private void draw(Graphics2D g, int width, int height) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    int lh = fm.getHeight();
    int nameW = 0;
    for (String n : names) {
      nameW = Math.max(nameW, fm.stringWidth(n));
    }
    int left = nameW + 14;
    int right = width - 16;
    int top = lh + 12;
    int bottom = height - 2 * lh - 10;
    PlotFrame frame = new PlotFrame(left, top, right, bottom);
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    double[] ticks = LinePlot.niceTicks(0, max > 0 ? max : 1, 5);
    double hi = ticks[ticks.length - 1];
    PlotFrame.centred(g, title, 0, width, lh);
    frame.xLabel(g, valueLabel, height - 6);
    for (double t : ticks) {
      frame.xTick(g, left + (int) Math.round(t / hi * (right - left)), PlotFrame.tickLabel(t));
    }
    double slot = (double) (bottom - top) / names.size();
    int barH = Math.max(1, (int) Math.round(slot * 0.7));
    for (int i = 0; i < names.size(); i++) {
      int yc = top + (int) Math.round((i + 0.5) * slot);
      int w = (int) Math.round(values[i] / hi * (right - left));
      g.setColor(LinePlot.PALETTE.get(0));
      g.fillRect(left, yc - barH / 2, w, barH);
      frame.rightAligned(g, names.get(i), yc);
    }
    frame.border(g);
  }

  /** Writes the chart as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    PlotFrame.writePng(target, render(width, height));
  }
}
