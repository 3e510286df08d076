package org.radioclr.detect.net;

import java.util.ArrayList;
import java.util.List;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.labels.DetectionClass;

/**
 * Turns the outputs of {@link DetectBlock} for one image into instances (Panoptic-DeepLab's
 * grouping): centres are the local maxima of the heatmap (in a {@code (2 window + 1)²} square) at
 * least {@code centerThreshold}, at most {@code topK}; each foreground pixel (semantic argmax not
 * background) joins the centre nearest to where its offset points; each centre's pixels are one
 * instance, of the class with the largest summed probability over them, scored by that class's mean
 * probability. Disjoint islands whose offsets point to one centre form one instance, so
 * multi-island sources need no extra step; no NMS is needed.
 *
 * @param centerThreshold smallest heatmap peak (Panoptic-DeepLab: 0.1)
 * @param window half-size of the peak window, pixels
 * @param topK most centres per image
 * @param minPixels smallest instance kept
 */
public record Grouping(double centerThreshold, int window, int topK, int minPixels) {

  public Grouping {
    if (!(centerThreshold >= 0 && centerThreshold <= 1)) {
      throw new IllegalArgumentException(
          "centre threshold must be in [0, 1], got " + centerThreshold);
    }
    if (window < 1) {
      throw new IllegalArgumentException("peak window must be >= 1 pixel, got " + window);
    }
    if (topK < 1 || minPixels < 1) {
      throw new IllegalArgumentException(
          "top-k and smallest instance must be >= 1, got " + topK + " and " + minPixels);
    }
  }

  /**
   * Threshold 0.1, peaks in 19×19 pixels (smaller windows split extended sources at their bright
   * ends; docs/detect.md), 200 centres, 3 pixels.
   */
  public static final Grouping DEFAULT = new Grouping(0.1, 9, 200, 3);

  /**
   * Groups one image's outputs.
   *
   * @param probs {@code [6][height][width]} class probabilities (softmax of the logits)
   * @param center {@code [height][width]} heatmap
   * @param offset {@code [2][height][width]} (dy, dx)
   */
  public List<Instance> group(
      float[] probs, float[] center, float[] offset, int width, int height) {
    int n = width * height;
    List<int[]> peaks = new ArrayList<>(); // {index}
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float v = center[y * width + x];
        if (v < centerThreshold || !isPeak(center, width, height, x, y, v)) {
          continue;
        }
        peaks.add(new int[] {y * width + x});
      }
    }
    peaks.sort((a, b) -> Float.compare(center[b[0]], center[a[0]]));
    if (peaks.size() > topK) {
      peaks = peaks.subList(0, topK);
    }
    if (peaks.isEmpty()) {
      return List.of();
    }
    int k = peaks.size();
    double[] py = new double[k];
    double[] px = new double[k];
    for (int c = 0; c < k; c++) {
      py[c] = peaks.get(c)[0] / width;
      px[c] = peaks.get(c)[0] % width;
    }
    int[] owner = new int[n];
    int[] count = new int[k];
    double[][] classSum = new double[k][DetectBlock.CLASSES];
    double[] objectness = new double[k];
    for (int i = 0; i < n; i++) {
      owner[i] = -1;
      int best = 0;
      float bestP = probs[i];
      for (int c = 1; c < DetectBlock.CLASSES; c++) {
        if (probs[c * n + i] > bestP) {
          bestP = probs[c * n + i];
          best = c;
        }
      }
      if (best == 0) {
        continue;
      }
      double ty = i / width + offset[i];
      double tx = i % width + offset[n + i];
      int nearest = 0;
      double d = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double dd = (py[c] - ty) * (py[c] - ty) + (px[c] - tx) * (px[c] - tx);
        if (dd < d) {
          d = dd;
          nearest = c;
        }
      }
      owner[i] = nearest;
      count[nearest]++;
      objectness[nearest] += 1 - probs[i];
      for (int c = 1; c < DetectBlock.CLASSES; c++) {
        classSum[nearest][c] += probs[c * n + i];
      }
    }
    int[][] members = new int[k][];
    for (int c = 0; c < k; c++) {
      members[c] = new int[count[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < n; i++) {
      if (owner[i] >= 0) {
        members[owner[i]][fill[owner[i]]++] = i;
      }
    }
    List<Instance> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (count[c] < minPixels) {
        continue;
      }
      PixelSet pixels = PixelSet.of(width, height, members[c]);
      boolean multi = pixels.islands() > 1;
      int cls = -1;
      for (int j = 1; j < DetectBlock.CLASSES; j++) {
        if (allowed(DetectionClass.values()[j - 1], multi)
            && (cls < 0 || classSum[c][j] > classSum[c][cls])) {
          cls = j;
        }
      }
      double score = Math.min(1, Math.max(0, objectness[c] / count[c]));
      out.add(new Instance(pixels, DetectionClass.values()[cls - 1], score));
    }
    return out;
  }

  private static boolean allowed(DetectionClass c, boolean multiIsland) {
    return switch (c) {
      case COMPACT, EXTENDED -> !multiIsland;
      case EXTENDED_MULTISLAND -> multiIsland;
      case SPURIOUS, FLAGGED -> true;
    };
  }

  private boolean isPeak(float[] c, int width, int height, int x, int y, float v) {
    for (int yy = Math.max(0, y - window); yy <= Math.min(height - 1, y + window); yy++) {
      for (int xx = Math.max(0, x - window); xx <= Math.min(width - 1, x + window); xx++) {
        float u = c[yy * width + xx];
        // ties: the first pixel in raster order is the peak
        if (u > v || (u == v && yy * width + xx < y * width + x)) {
          return false;
        }
      }
    }
    return true;
  }
}
