package org.radioclr.detect.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;

/**
 * The training targets of one image for {@link DetectBlock} (Panoptic-DeepLab): for each pixel the
 * semantic class (0 background, {@code 1 + DetectionClass.ordinal()} inside an object), the
 * instance-centre heatmap (a Gaussian of {@code sigma} pixels at each object's centre of mass, the
 * maximum where they overlap) and the offset (dy, dx) from the pixel to the centre of its object (0
 * on the background). An object of several islands has one centre, so every island's offsets point
 * to the same place: that is what groups the lobes of a radio galaxy into one instance. Where
 * objects overlap, the smaller one owns the pixel.
 *
 * @param width image width
 * @param height image height
 * @param semantic {@code [y * width + x]} class index
 * @param center {@code [y * width + x]} heatmap in [0, 1]
 * @param offset {@code [2][height][width]}: dy plane then dx plane, pixels
 */
public record Targets(int width, int height, int[] semantic, float[] center, float[] offset) {

  /** Centre Gaussian sigma, pixels (compact sources are a few pixels across). */
  public static final double DEFAULT_SIGMA = 2;

  /** Builds the targets of {@code objects} on a {@code width × height} image. */
  public static Targets build(int width, int height, List<Instance> objects, double sigma) {
    int n = width * height;
    int[] sem = new int[n];
    float[] ctr = new float[n];
    float[] off = new float[2 * n];
    List<Instance> bySize = new ArrayList<>(objects);
    bySize.sort(Comparator.comparingInt((Instance i) -> i.pixels().size()).reversed());
    int radius = (int) Math.ceil(3 * sigma);
    for (Instance o : bySize) {
      PixelSet p = o.pixels();
      if (p.width() != width || p.height() != height) {
        throw new IllegalArgumentException(
            "object mask is " + p.width() + "x" + p.height() + ", image " + width + "x" + height);
      }
      int[] idx = p.indices();
      double cy = 0;
      double cx = 0;
      for (int i : idx) {
        cy += i / width;
        cx += i % width;
      }
      cy /= idx.length;
      cx /= idx.length;
      int cls = 1 + o.detectionClass().ordinal();
      for (int i : idx) {
        sem[i] = cls;
        off[i] = (float) (cy - i / width);
        off[n + i] = (float) (cx - i % width);
      }
      int iy = (int) Math.round(cy);
      int ix = (int) Math.round(cx);
      for (int y = Math.max(0, iy - radius); y <= Math.min(height - 1, iy + radius); y++) {
        for (int x = Math.max(0, ix - radius); x <= Math.min(width - 1, ix + radius); x++) {
          double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
          float g = (float) Math.exp(-d2 / (2 * sigma * sigma));
          ctr[y * width + x] = Math.max(ctr[y * width + x], g);
        }
      }
    }
    return new Targets(width, height, sem, ctr, off);
  }
}
