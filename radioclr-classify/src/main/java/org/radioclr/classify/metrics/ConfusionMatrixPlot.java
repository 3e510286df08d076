package org.radioclr.classify.metrics;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.radioclr.core.report.Charts;

/**
 * A confusion matrix drawn as a heat map (the form of the paper's Fig. 6): true classes down the
 * rows, predicted classes across the columns, each cell shaded by its row-normalised fraction
 * (white 0 to dark blue 1) and labelled with its count and its fraction in per cent, in white on
 * dark cells. Written as PNG through {@link Charts}.
 *
 * <p>The one report chart still drawn with Java2D rather than XChart: XChart's {@code HeatMapChart}
 * labels a cell with a single number, the one that sets its colour, in one text colour for every
 * cell, so it can show neither the count beside the fraction nor text that stays readable on the
 * darkest cells.
 *
 * @param title drawn above the matrix
 * @param classes class names, in index order
 * @param counts {@code [true][predicted]} counts, {@code classes.size()} square
 */
public record ConfusionMatrixPlot(String title, List<String> classes, long[][] counts) {

  /** Side of one cell, pixels. */
  private static final int CELL = 78;

  public ConfusionMatrixPlot {
    Objects.requireNonNull(title, "title");
    classes = List.copyOf(classes);
    int k = classes.size();
    if (k == 0 || counts.length != k) {
      throw new IllegalArgumentException(
          "need a "
              + k
              + " x "
              + k
              + " matrix for "
              + k
              + " classes, got "
              + counts.length
              + " rows");
    }
    long[][] copy = new long[k][];
    for (int t = 0; t < k; t++) {
      if (counts[t].length != k) {
        throw new IllegalArgumentException(
            "confusion row " + t + " has " + counts[t].length + " columns, expected " + k);
      }
      copy[t] = counts[t].clone();
    }
    counts = copy;
  }

  /**
   * The plot of a single-label result.
   *
   * @throws IllegalArgumentException for a multi-label result (it has no confusion matrix)
   */
  public static ConfusionMatrixPlot of(String title, ClassificationMetrics m) {
    if (m.multiLabel()) {
      throw new IllegalArgumentException("a multi-label result has no confusion matrix");
    }
    return new ConfusionMatrixPlot(title, m.classes(), m.confusion());
  }

  /** Renders the plot; its size follows the number of classes and the longest name. */
  public BufferedImage render() {
    int k = classes.size();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(font);
    int longest = 0;
    for (String c : classes) {
      longest = Math.max(longest, fm.stringWidth(c));
    }
    int lh = fm.getHeight();
    pg.dispose();

    int left = lh + 10 + longest + 8;
    int top = lh + 14;
    int grid = k * CELL;
    int bottom = top + grid;
    int width = Math.max(left + grid + 20, fm.stringWidth(title) + 20);
    int height = bottom + 8 + longest + 8 + lh + 8;
    double[][] frac = ClassificationMetrics.normalizeRows(counts);

    return Charts.canvas(
        width,
        height,
        g -> {
          g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
          g.setRenderingHint(
              RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
          g.setFont(font);
          g.setColor(Color.BLACK);
          g.drawString(title, (width - fm.stringWidth(title)) / 2, lh);
          for (int t = 0; t < k; t++) {
            for (int y = 0; y < k; y++) {
              int x0 = left + y * CELL;
              int y0 = top + t * CELL;
              double f = frac[t][y];
              g.setColor(shade(f));
              g.fillRect(x0, y0, CELL, CELL);
              g.setColor(f > 0.5 ? Color.WHITE : Color.BLACK);
              g.setFont(font);
              String c = Long.toString(counts[t][y]);
              g.drawString(c, x0 + (CELL - fm.stringWidth(c)) / 2, y0 + CELL / 2 - 2);
              g.setFont(small);
              FontMetrics sm = g.getFontMetrics();
              String p = String.format(Locale.ROOT, "%.1f%%", 100 * f);
              g.drawString(p, x0 + (CELL - sm.stringWidth(p)) / 2, y0 + CELL / 2 + sm.getHeight());
            }
          }
          g.setFont(font);
          g.setColor(Color.GRAY);
          for (int i = 0; i <= k; i++) {
            g.drawLine(left, top + i * CELL, left + grid, top + i * CELL);
            g.drawLine(left + i * CELL, top, left + i * CELL, bottom);
          }
          // true class names down the left, predicted names rotated along the bottom
          g.setColor(Color.BLACK);
          for (int i = 0; i < k; i++) {
            String c = classes.get(i);
            int y = top + i * CELL + CELL / 2 + fm.getAscent() / 2 - 1;
            g.drawString(c, left - 6 - fm.stringWidth(c), y);
          }
          AffineTransform saved = g.getTransform();
          for (int i = 0; i < k; i++) {
            g.setTransform(saved);
            g.translate(left + i * CELL + CELL / 2 + fm.getAscent() / 2 - 1, bottom + 6);
            g.rotate(Math.PI / 2);
            g.drawString(classes.get(i), 0, 0);
          }
          g.setTransform(saved);
          g.drawString("predicted", left + (grid - fm.stringWidth("predicted")) / 2, height - 8);
          g.rotate(-Math.PI / 2);
          g.drawString("true", -(top + bottom + fm.stringWidth("true")) / 2, fm.getAscent() + 2);
          g.setTransform(saved);
        });
  }

  /** Writes the plot as PNG, atomically. */
  public void write(Path target) {
    Charts.writePng(target, render());
  }

  /** White (0) to dark blue (1). */
  static Color shade(double f) {
    double v = Math.max(0, Math.min(1, f));
    int r = (int) Math.round(255 + (8 - 255) * v);
    int gg = (int) Math.round(255 + (48 - 255) * v);
    int b = (int) Math.round(255 + (107 - 255) * v);
    return new Color(r, gg, b);
  }

  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      copy[t] = counts[t].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrixPlot p
        && title.equals(p.title)
        && classes.equals(p.classes)
        && java.util.Arrays.deepEquals(counts, p.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, classes, java.util.Arrays.deepHashCode(counts));
  }

  @Override
  public String toString() {
    return "ConfusionMatrixPlot[" + title + ", " + classes + "]";
  }
}
