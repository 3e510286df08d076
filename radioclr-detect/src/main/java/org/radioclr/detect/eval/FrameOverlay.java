package org.radioclr.detect.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.radioclr.core.image.DisplayStretch;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.detect.Instance;
import org.radioclr.detect.output.MaskOutline;

/**
 * A frame with its true objects and a detector's kept detections drawn on it: the image in grey
 * with the zscale stretch ({@link DisplayStretch}), first row at the bottom, enlarged {@code scale}
 * times; the outline of each true mask ({@link MaskOutline}) in green, of each detection in red,
 * and a short legend.
 */
public final class FrameOverlay {
  /** Colour of the true objects' outlines. */
  public static final Color TRUTH = new Color(60, 220, 80);

  /** Colour of the detections' outlines. */
  public static final Color DETECTED = new Color(240, 50, 50);

  private FrameOverlay() {}

  /** The overlay image, {@code scale × width} by {@code scale × height} pixels. */
  public static BufferedImage render(
      Plane image, List<Instance> truth, List<Instance> detected, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1, got " + scale);
    }
    int w = image.width();
    int h = image.height();
    double[] lim = DisplayStretch.zscale(image.data());
    BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
    float[] d = image.data();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = d[y * w + x];
        int g = Pixels.isValid(v) ? DisplayStretch.grey(v, lim[0], lim[1]) : 0;
        int rgb = (g << 16) | (g << 8) | g;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            img.setRGB(x * scale + dx, (h - 1 - y) * scale + dy, rgb);
          }
        }
      }
    }
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setStroke(new BasicStroke(Math.max(1f, scale / 2f)));
      draw(g, truth, TRUTH, w, h, scale);
      g.setStroke(
          new BasicStroke(
              Math.max(1f, scale / 2f),
              BasicStroke.CAP_BUTT,
              BasicStroke.JOIN_MITER,
              10f,
              new float[] {2f * scale, 1.5f * scale},
              0f));
      draw(g, detected, DETECTED, w, h, scale);
      g.setColor(TRUTH);
      g.drawString("truth " + truth.size(), 4, 14);
      g.setColor(DETECTED);
      g.drawString("detected " + detected.size(), 4, 28);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void draw(
      Graphics2D g, List<Instance> objects, Color colour, int w, int h, int scale) {
    g.setColor(colour);
    for (Instance o : objects) {
      int[] idx = o.pixels().indices();
      long[] px = new long[idx.length];
      for (int k = 0; k < idx.length; k++) {
        px[k] = idx[k];
      }
      for (double[] poly : MaskOutline.of(px, w)) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < poly.length; k += 2) {
          double x = (poly[k] + 0.5) * scale;
          double y = (h - poly[k + 1] - 0.5) * scale;
          if (k == 0) {
            p.moveTo(x, y);
          } else {
            p.lineTo(x, y);
          }
        }
        p.closePath();
        g.draw(p);
      }
    }
  }
}
