package org.radioclr.detect.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.labels.DetectionClass;

class TargetsAndGroupingTest {
  private static final int W = 48;
  private static final int H = 32;

  private static PixelSet rects(int[]... boxes) {
    List<Integer> idx = new ArrayList<>();
    for (int[] b : boxes) {
      for (int y = b[1]; y <= b[3]; y++) {
        for (int x = b[0]; x <= b[2]; x++) {
          idx.add(y * W + x);
        }
      }
    }
    return PixelSet.of(W, H, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Perfect network outputs made from the targets: probabilities one-hot. */
  private static List<Instance> groupTargets(Targets t) {
    int n = W * H;
    float[] probs = new float[DetectBlock.CLASSES * n];
    for (int i = 0; i < n; i++) {
      probs[t.semantic()[i] * n + i] = 1;
    }
    return Grouping.DEFAULT.group(probs, t.center(), t.offset(), W, H);
  }

  @Test
  void twoIslandSourceHasOneCentreAndIsGroupedBackAsOneInstance() {
    PixelSet lobes = rects(new int[] {4, 10, 8, 14}, new int[] {30, 10, 34, 14});
    PixelSet point = rects(new int[] {20, 24, 22, 26});
    List<Instance> objects =
        List.of(
            Instance.truth(lobes, DetectionClass.EXTENDED_MULTISLAND),
            Instance.truth(point, DetectionClass.COMPACT));
    Targets t = Targets.build(W, H, objects, Targets.DEFAULT_SIGMA);
    int n = W * H;
    // both lobes point to the centre of mass between them (x = 19, y = 12)
    int left = 12 * W + 4;
    int right = 12 * W + 34;
    assertEquals(0f, t.offset()[left], 1e-6);
    assertEquals(15f, t.offset()[n + left], 1e-6);
    assertEquals(-15f, t.offset()[n + right], 1e-6);
    assertEquals(1f, t.center()[12 * W + 19], 1e-6, "heatmap peak at the centre, off the mask");
    assertEquals(1 + DetectionClass.EXTENDED_MULTISLAND.ordinal(), t.semantic()[left]);
    assertEquals(0, t.semantic()[12 * W + 19]);

    List<Instance> got = groupTargets(t);
    assertEquals(2, got.size());
    Instance multi =
        got.stream()
            .filter(i -> i.detectionClass() == DetectionClass.EXTENDED_MULTISLAND)
            .findFirst()
            .orElseThrow();
    assertEquals(lobes, multi.pixels(), "both islands in one instance");
    assertEquals(1.0, multi.score(), 1e-9);
    assertTrue(got.stream().anyMatch(i -> i.pixels().equals(point)));
  }

  @Test
  void classFollowsTheIslandCount() {
    PixelSet lobes = rects(new int[] {4, 10, 8, 14}, new int[] {30, 10, 34, 14});
    PixelSet point = rects(new int[] {20, 24, 22, 26});
    Targets t =
        Targets.build(
            W,
            H,
            List.of(
                Instance.truth(lobes, DetectionClass.EXTENDED_MULTISLAND),
                Instance.truth(point, DetectionClass.COMPACT)),
            Targets.DEFAULT_SIGMA);
    int n = W * H;
    float[] probs = new float[DetectBlock.CLASSES * n];
    for (int i = 0; i < n; i++) {
      // the network calls everything multi-island, a little less surely compact
      boolean object = t.semantic()[i] != 0;
      probs[i] = object ? 0 : 1;
      probs[(1 + DetectionClass.EXTENDED_MULTISLAND.ordinal()) * n + i] = object ? 0.6f : 0;
      probs[(1 + DetectionClass.COMPACT.ordinal()) * n + i] = object ? 0.4f : 0;
    }
    List<Instance> got = Grouping.DEFAULT.group(probs, t.center(), t.offset(), W, H);
    assertEquals(2, got.size());
    for (Instance i : got) {
      DetectionClass want =
          i.pixels().equals(point) ? DetectionClass.COMPACT : DetectionClass.EXTENDED_MULTISLAND;
      assertEquals(want, i.detectionClass());
    }
    assertEquals(2, lobes.islands());
    assertEquals(1, point.islands());
  }

  @Test
  void smallerObjectOwnsOverlappingPixels() {
    PixelSet big = rects(new int[] {0, 0, 20, 20});
    PixelSet small = rects(new int[] {5, 5, 7, 7});
    Targets t =
        Targets.build(
            W,
            H,
            List.of(
                Instance.truth(small, DetectionClass.COMPACT),
                Instance.truth(big, DetectionClass.EXTENDED)),
            Targets.DEFAULT_SIGMA);
    assertEquals(1 + DetectionClass.COMPACT.ordinal(), t.semantic()[6 * W + 6]);
    assertEquals(1 + DetectionClass.EXTENDED.ordinal(), t.semantic()[15 * W + 15]);
  }

  @Test
  void nothingAboveTheCentreThresholdGivesNoInstances() {
    int n = W * H;
    float[] probs = new float[DetectBlock.CLASSES * n];
    java.util.Arrays.fill(probs, n, 2 * n, 1f); // all SPURIOUS, but no centre
    assertEquals(List.of(), Grouping.DEFAULT.group(probs, new float[n], new float[2 * n], W, H));
  }
}
