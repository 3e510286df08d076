package org.radioclr.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.radioclr.core.io.AtomicFiles;

/**
 * The plotting rectangle of a Java2D chart, and the drawing every report chart shares ({@link
 * LinePlot} here, and the scatter, bar, fraction-curve and confusion-matrix plots of the other
 * modules): a white antialiased RGB canvas, PNG written through {@link AtomicFiles}, a centred
 * title, axis labels (the y label rotated), light grid lines with tick marks and tick labels, the
 * black frame, and a legend box of colour swatches. Coordinates are pixels, y growing downwards;
 * the drawing methods use the graphics' current font.
 *
 * @param left x of the frame's left edge
 * @param top y of the frame's top edge
 * @param right x of the frame's right edge (a frame with {@code right <= left} or {@code bottom <=
 *     top}, from an image too small for its labels, draws without failing)
 * @param bottom y of the frame's bottom edge
 */
public record PlotFrame(int left, int top, int right, int bottom) {

  /** The colour of grid lines. */
  public static final Color GRID = new Color(0xe6e6e6);

  /**
   * A {@code width x height} RGB image, white, painted with antialiased shapes and text by {@code
   * painter} (the graphics are disposed afterwards).
   */
  public static BufferedImage canvas(int width, int height, Consumer<Graphics2D> painter) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes an image as PNG, atomically. */
  public static void writePng(Path target, BufferedImage image) {
    AtomicFiles.write(
        target,
        tmp -> {
          if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
          }
        });
  }

  /**
   * A tick label: {@code "0"}, one significant digit in exponent form below 1e-3 or from 1e5 in
   * magnitude, otherwise up to four decimals without trailing zeros.
   */
  public static String tickLabel(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Draws {@code text} in black centred on {@code [x0, x0 + width)} at {@code baseline}. */
  public static void centred(Graphics2D g, String text, int x0, int width, int baseline) {
    g.setColor(Color.BLACK);
    g.drawString(text, x0 + (width - g.getFontMetrics().stringWidth(text)) / 2, baseline);
  }

  /** The pixel column of {@code v} on a linear axis from {@code lo} (left) to {@code hi}. */
  public double x(double v, double lo, double hi) {
    return left + (v - lo) / (hi - lo) * (right - left);
  }

  /** The pixel row of {@code v} on a linear axis from {@code lo} (bottom) to {@code hi}. */
  public double y(double v, double lo, double hi) {
    return bottom - (v - lo) / (hi - lo) * (bottom - top);
  }

  /** Draws the x axis label centred under the frame at {@code baseline}. */
  public void xLabel(Graphics2D g, String label, int baseline) {
    g.setColor(Color.BLACK);
    g.drawString(label, (left + right - g.getFontMetrics().stringWidth(label)) / 2, baseline);
  }

  /** Draws the y axis label rotated a quarter turn, centred beside the frame, baseline at x. */
  public void yLabel(Graphics2D g, String label, int x) {
    g.setColor(Color.BLACK);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(label, -(top + bottom + g.getFontMetrics().stringWidth(label)) / 2, x);
    g.setTransform(saved);
  }

  /**
   * Draws an x tick at pixel column {@code x}: a grid line, a tick mark below the frame and the
   * label under it; nothing when x is outside the frame.
   */
  public void xTick(Graphics2D g, int x, String label) {
    if (x < left - 1 || x > right + 1) {
      return;
    }
    FontMetrics fm = g.getFontMetrics();
    g.setColor(GRID);
    g.drawLine(x, top, x, bottom);
    g.setColor(Color.BLACK);
    g.drawLine(x, bottom, x, bottom + 4);
    g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 4 + fm.getAscent());
  }

  /**
   * Draws a y tick at pixel row {@code y}: a grid line, a tick mark left of the frame and the label
   * right-aligned before it; nothing when y is outside the frame.
   */
  public void yTick(Graphics2D g, int y, String label) {
    if (y < top - 1 || y > bottom + 1) {
      return;
    }
    g.setColor(GRID);
    g.drawLine(left, y, right, y);
    g.setColor(Color.BLACK);
    g.drawLine(left - 4, y, left, y);
    rightAligned(g, label, y);
  }

  /** Draws {@code text} in black right-aligned before the frame, vertically centred on row y. */
  public void rightAligned(Graphics2D g, String text, int y) {
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.BLACK);
    g.drawString(text, left - 6 - fm.stringWidth(text), y + fm.getAscent() / 2 - 1);
  }

  /** Draws the frame's black outline, one pixel wide. */
  public void border(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(left, top, right - left, bottom - top);
  }

  /**
   * Draws a legend box inside the frame's right edge, at its top ({@code upper}) or bottom: one row
   * per name with a swatch of {@code palette.get(i % palette.size())}.
   */
  public void legend(Graphics2D g, List<String> names, List<Color> palette, boolean upper) {
    FontMetrics fm = g.getFontMetrics();
    int lh = fm.getHeight();
    g.setStroke(new BasicStroke(1f));
    int lw = 0;
    for (String n : names) {
      lw = Math.max(lw, fm.stringWidth(n));
    }
    int boxW = lw + 34;
    int boxH = names.size() * lh + 6;
    int bx = right - boxW - 6;
    int by = upper ? top + 6 : bottom - boxH - 6;
    g.setColor(Color.WHITE);
    g.fillRect(bx, by, boxW, boxH);
    g.setColor(Color.GRAY);
    g.drawRect(bx, by, boxW, boxH);
    for (int s = 0; s < names.size(); s++) {
      int yy = by + 3 + s * lh + lh / 2;
      g.setColor(palette.get(s % palette.size()));
      g.fillRect(bx + 5, yy - 2, 20, 4);
      g.setColor(Color.BLACK);
      g.drawString(names.get(s), bx + 29, yy + fm.getAscent() / 2 - 1);
    }
  }
}
