package org.radioclr.anomaly.select;

import java.util.SplittableRandom;

/**
 * A seeded stratified hold-out: from each class, {@code round(fraction * count)} rows (at least one
 * when the class has two or more) chosen by a Fisher-Yates shuffle drawn from {@code
 * SplittableRandom(seed)} (positives first, then negatives).
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /**
   * Which rows are held out.
   *
   * @param positive {@code [rows]} class of each row
   * @return {@code [rows]}, true for a held-out row
   */
  public static boolean[] holdOut(boolean[] positive, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] held = new boolean[positive.length];
    for (boolean cls : new boolean[] {true, false}) {
      int count = 0;
      for (boolean p : positive) {
        if (p == cls) {
          count++;
        }
      }
      int[] idx = new int[count];
      int k = 0;
      for (int i = 0; i < positive.length; i++) {
        if (positive[i] == cls) {
          idx[k++] = i;
        }
      }
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      int take = (int) Math.round(fraction * count);
      if (take == 0 && count >= 2) {
        take = 1;
      }
      take = Math.min(take, count - 1 < 0 ? 0 : count - 1);
      for (int i = 0; i < take; i++) {
        held[idx[i]] = true;
      }
    }
    return held;
  }
}
