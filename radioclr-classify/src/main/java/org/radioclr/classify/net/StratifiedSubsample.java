package org.radioclr.classify.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A label fraction of a training set that keeps every class (paper §3.3: labelled data removed at
 * random, test sets unchanged): images are grouped by their first true class, and from a class of
 * {@code n} images {@code max(1, round(fraction * n))} are drawn without replacement (Fisher-Yates
 * with {@code new SplittableRandom(seed)}, classes in index order). The result is sorted by image
 * index.
 *
 * <p>Package-private on purpose: the shared {@code LabelFractions} of the split package replaces it
 * at merge.
 */
final class StratifiedSubsample {
  private StratifiedSubsample() {}

  /**
   * @param truth {@code [images][*]} true class indices; every row needs at least one
   * @param classes number of classes
   * @param fraction in (0, 1]
   * @return the chosen image indices, increasing
   */
  static int[] indices(int[][] truth, int classes, double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("label fraction must be in (0, 1], got " + fraction);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < truth.length; i++) {
      if (truth[i].length == 0) {
        throw new IllegalArgumentException("image " + i + " has no class");
      }
      byClass.get(truth[i][0]).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> chosen = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int n = members.size();
      if (n == 0) {
        continue;
      }
      int keep = fraction == 1 ? n : (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
      int[] a = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      for (int k = 0; k < keep; k++) {
        chosen.add(a[k]);
      }
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
