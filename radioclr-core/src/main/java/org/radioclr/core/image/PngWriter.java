package org.radioclr.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.radioclr.core.io.AtomicFiles;

/**
 * Preview PNGs of image planes and pre-processed cubes, written atomically through {@link
 * AtomicFiles} with {@code javax.imageio}. Images are shown as astronomers display them: row {@code
 * y = 0} (the first FITS row) at the bottom of the PNG. Values map linearly to 8 bits, {@code
 * round(255 * v)} after clamping to [0, 1]; NaN becomes 0.
 */
public final class PngWriter {
  private PngWriter() {}

  /**
   * Writes a 3-channel cube ({@code [3][height][width]} floats in [0, 1], channel-major) as an RGB
   * PNG: channel 0 red, 1 green, 2 blue.
   */
  public static void writeRgb(Path target, float[] chw, int width, int height) {
    Objects.requireNonNull(chw, "chw");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
    }
    int plane = Math.multiplyExact(width, height);
    if (chw.length != 3L * plane) {
      throw new IllegalArgumentException(
          "an RGB preview needs 3x" + height + "x" + width + " values, got " + chw.length);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      int row = (height - 1 - y);
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int r = toByte(chw[p]);
        int g = toByte(chw[plane + p]);
        int b = toByte(chw[2 * plane + p]);
        img.setRGB(x, row, (r << 16) | (g << 8) | b);
      }
    }
    write(target, img);
  }

  /**
   * Writes one plane as a grayscale PNG, mapping {@code lo} to black and {@code hi} to white
   * (values outside are clamped).
   */
  public static void writeGray(Path target, Plane plane, double lo, double hi) {
    Objects.requireNonNull(plane, "plane");
    if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new IllegalArgumentException(
          "stretch needs finite lo < hi, got lo=" + lo + ", hi=" + hi);
    }
    int width = plane.width();
    int height = plane.height();
    float[] data = plane.data();
    double scale = 1.0 / (hi - lo);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < height; y++) {
      int row = (height - 1 - y) * width;
      for (int x = 0; x < width; x++) {
        raster[row + x] = (byte) toByte((data[y * width + x] - lo) * scale);
      }
    }
    write(target, img);
  }

  static int toByte(double v) {
    if (!(v > 0)) {
      return 0; // also NaN
    }
    if (v >= 1) {
      return 255;
    }
    return (int) Math.round(v * 255.0);
  }

  private static void write(Path target, BufferedImage img) {
    AtomicFiles.write(
        target,
        tmp -> {
          if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available in javax.imageio");
          }
        });
  }
}
