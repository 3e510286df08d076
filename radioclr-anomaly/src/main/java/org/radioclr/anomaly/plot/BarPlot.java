package org.radioclr.anomaly.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.report.LinePlot;

/**
 * A horizontal bar chart drawn with Java2D in the style of core's {@link LinePlot}: one bar per
 * named value, the first at the top, names on the left, values (>= 0) along a linear axis starting
 * at 0 with round ticks ({@link LinePlot#niceTicks}). Written as PNG through {@link AtomicFiles}.
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
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
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
      double max = 0;
      for (double v : values) {
        max = Math.max(max, v);
      }
      double[] ticks = LinePlot.niceTicks(0, max > 0 ? max : 1, 5);
      double hi = ticks[ticks.length - 1];
      g.setColor(Color.BLACK);
      g.drawString(title, (width - fm.stringWidth(title)) / 2, lh);
      g.drawString(valueLabel, (left + right - fm.stringWidth(valueLabel)) / 2, height - 6);
      for (double t : ticks) {
        int x = left + (int) Math.round(t / hi * (right - left));
        g.setColor(new Color(0xe6e6e6));
        g.drawLine(x, top, x, bottom);
        g.setColor(Color.BLACK);
        g.drawLine(x, bottom, x, bottom + 4);
        String s = tick(t);
        g.drawString(s, x - fm.stringWidth(s) / 2, bottom + 4 + fm.getAscent());
      }
      double slot = (double) (bottom - top) / names.size();
      int barH = Math.max(1, (int) Math.round(slot * 0.7));
      for (int i = 0; i < names.size(); i++) {
        int yc = top + (int) Math.round((i + 0.5) * slot);
        int w = (int) Math.round(values[i] / hi * (right - left));
        g.setColor(LinePlot.PALETTE.get(0));
        g.fillRect(left, yc - barH / 2, w, barH);
        g.setColor(Color.BLACK);
        String n = names.get(i);
        g.drawString(n, left - 6 - fm.stringWidth(n), yc + fm.getAscent() / 2 - 1);
      }
      g.drawRect(left, top, right - left, bottom - top);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes the chart as a {@code width x height} PNG, atomically. */
  public void write(Path target, int width, int height) {
    BufferedImage img = render(width, height);
    AtomicFiles.write(
        target,
        tmp -> {
          if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
          }
        });
  }

  private static String tick(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      return String.format(java.util.Locale.ROOT, "%.0e", v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
