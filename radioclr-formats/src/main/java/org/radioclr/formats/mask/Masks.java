package org.radioclr.formats.mask;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Pixel operations on instance masks: tight bounding boxes, the part of a mask inside a frame, and
 * the number of 8-connected islands and their labelling. Frame masks are {@code byte[height *
 * width]}, row-major ({@code [y * width + x]}), 1 inside the source and 0 elsewhere.
 */
public final class Masks {
  private Masks() {}

  /** The smallest box holding every mask pixel (map pixels), empty when the mask has none. */
  public static Optional<PixelBox> bounds(SourceMask mask) {
    int w = mask.width();
    int h = mask.height();
    boolean[] in = mask.inside();
    int xmin = Integer.MAX_VALUE;
    int xmax = -1;
    int ymin = Integer.MAX_VALUE;
    int ymax = -1;
    for (int v = 0; v < h; v++) {
      int row = v * w;
      for (int u = 0; u < w; u++) {
        if (in[row + u]) {
          xmin = Math.min(xmin, u);
          xmax = Math.max(xmax, u);
          ymin = Math.min(ymin, v);
          ymax = Math.max(ymax, v);
        }
      }
    }
    if (xmax < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PixelBox(mask.x0() + xmin, mask.y0() + ymin, mask.x0() + xmax, mask.y0() + ymax));
  }

  /** Number of mask pixels inside {@code frame} (map pixels). */
  public static int countInside(SourceMask mask, PixelBox frame) {
    int xs = Math.max(frame.x0(), mask.x0());
    int xe = Math.min(frame.x1(), mask.x0() + mask.width() - 1);
    int ys = Math.max(frame.y0(), mask.y0());
    int ye = Math.min(frame.y1(), mask.y0() + mask.height() - 1);
    int n = 0;
    boolean[] in = mask.inside();
    for (int y = ys; y <= ye; y++) {
      int row = (y - mask.y0()) * mask.width() - mask.x0();
      for (int x = xs; x <= xe; x++) {
        if (in[row + x]) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The part of the mask inside {@code frame}, as a frame-sized byte mask ({@code [y * width + x]},
   * frame pixel {@code (0, 0)} being map pixel {@code (frame.x0, frame.y0)}); pixels of the mask
   * outside the frame are cut off.
   */
  public static byte[] crop(SourceMask mask, PixelBox frame) {
    int fw = frame.width();
    byte[] out = new byte[Math.toIntExact(frame.area())];
    int xs = Math.max(frame.x0(), mask.x0());
    int xe = Math.min(frame.x1(), mask.x0() + mask.width() - 1);
    int ys = Math.max(frame.y0(), mask.y0());
    int ye = Math.min(frame.y1(), mask.y0() + mask.height() - 1);
    boolean[] in = mask.inside();
    for (int y = ys; y <= ye; y++) {
      int src = (y - mask.y0()) * mask.width() - mask.x0();
      int dst = (y - frame.y0()) * fw - frame.x0();
      for (int x = xs; x <= xe; x++) {
        if (in[src + x]) {
          out[dst + x] = 1;
        }
      }
    }
    return out;
  }

  /** The smallest box (frame pixels) holding the non-zero pixels, empty when there are none. */
  public static Optional<PixelBox> bounds(byte[] mask, int width, int height) {
    checkSize(mask, width, height);
    int xmin = Integer.MAX_VALUE;
    int xmax = -1;
    int ymin = Integer.MAX_VALUE;
    int ymax = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (mask[y * width + x] != 0) {
          xmin = Math.min(xmin, x);
          xmax = Math.max(xmax, x);
          ymin = Math.min(ymin, y);
          ymax = Math.max(ymax, y);
        }
      }
    }
    return xmax < 0 ? Optional.empty() : Optional.of(new PixelBox(xmin, ymin, xmax, ymax));
  }

  /** Number of non-zero pixels. */
  public static int count(byte[] mask) {
    int n = 0;
    for (byte b : mask) {
      if (b != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Number of 8-connected islands of non-zero pixels (as {@code skimage.measure.label} with full
   * connectivity, which caesar-mrcnn uses to count {@code nislands}).
   */
  public static int islands(byte[] mask, int width, int height) {
    checkSize(mask.length, width, height);
    return islands(i -> mask[i] != 0, mask.length, width);
  }

  /**
   * Number of 8-connected islands of {@code true} pixels, as {@link #islands(byte[], int, int)}.
   */
  public static int islands(boolean[] mask, int width, int height) {
    checkSize(mask.length, width, height);
    return islands(i -> mask[i], mask.length, width);
  }

  /**
   * The 8-connected islands of non-zero pixels, labelled {@code 1..n} in raster order of their
   * first pixel ({@code 0} outside every island): {@code int[height * width]}, as {@code
   * skimage.measure.label(mask, connectivity=2)}.
   */
  public static int[] label(byte[] mask, int width, int height) {
    checkSize(mask.length, width, height);
    int[] label = new int[mask.length];
    label(i -> mask[i] != 0, label, width);
    return label;
  }

  /** As {@link #label(byte[], int, int)}, for a {@code boolean} mask. */
  public static int[] label(boolean[] mask, int width, int height) {
    checkSize(mask.length, width, height);
    int[] label = new int[mask.length];
    label(i -> mask[i], label, width);
    return label;
  }

  private static int islands(IntPredicate inside, int length, int width) {
    return label(inside, new int[length], width);
  }

  /** Fills {@code label} and returns the number of islands. */
  private static int label(IntPredicate inside, int[] label, int width) {
    int length = label.length;
    int height = length / width;
    int[] stack = new int[length];
    int n = 0;
    for (int start = 0; start < length; start++) {
      if (!inside.test(start) || label[start] != 0) {
        continue;
      }
      n++;
      int top = 0;
      stack[top++] = start;
      label[start] = n;
      while (top > 0) {
        int p = stack[--top];
        int px = p % width;
        int py = p / width;
        for (int dy = -1; dy <= 1; dy++) {
          int y = py + dy;
          if (y < 0 || y >= height) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int x = px + dx;
            if (x < 0 || x >= width) {
              continue;
            }
            int q = y * width + x;
            if (inside.test(q) && label[q] == 0) {
              label[q] = n;
              stack[top++] = q;
            }
          }
        }
      }
    }
    return n;
  }

  private static void checkSize(byte[] mask, int width, int height) {
    checkSize(mask.length, width, height);
  }

  private static void checkSize(int length, int width, int height) {
    if (width < 1 || height < 1 || (long) width * height != length) {
      throw new IllegalArgumentException(
          "mask of " + length + " pixels is not " + width + "x" + height);
    }
  }
}
