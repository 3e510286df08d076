package org.radioclr.classify.split;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Stratified random subsets of a training set, for the label-fraction study of the paper's §3.3
 * (Fig. 7: fine-tuning on smaller and smaller parts of the training set, test set unchanged). Each
 * class keeps {@code max(1, round(fraction * n_c))} of its {@code n_c} training rows, so every
 * class stays present even at 1%; the class proportions follow the full training set.
 */
public final class LabelFractions {
  private LabelFractions() {}

  /**
   * A stratified subset of the training rows.
   *
   * @param trainIndices the training rows (indices into {@code labels}), distinct
   * @param labels class index of every row of the data set, {@code >= 0}; the classes are {@code 0}
   *     to the largest index, and each must have training rows
   * @param fraction the share to keep, in (0, 1]
   * @param seed the random seed
   * @return the kept rows, a subset of {@code trainIndices}, ascending
   * @throws IllegalArgumentException when {@code fraction} is outside (0, 1], {@code trainIndices}
   *     is empty or holds an index out of range or twice, or a class has no training rows
   */
  public static int[] subsample(int[] trainIndices, int[] labels, double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("label fraction must be in (0, 1], got " + fraction);
    }
    if (trainIndices.length == 0) {
      throw new IllegalArgumentException("no training rows to subsample");
    }
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("row " + i + " has class index " + labels[i]);
      }
      k = Math.max(k, labels[i] + 1);
    }
    boolean[] seen = new boolean[labels.length];
    for (int i : trainIndices) {
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException(
            "training index " + i + " out of range [0, " + labels.length + ")");
      }
      if (seen[i]) {
        throw new IllegalArgumentException("training index " + i + " appears twice");
      }
      seen[i] = true;
    }
    int[] sorted = trainIndices.clone();
    Arrays.sort(sorted);
    int[] counts = new int[k];
    for (int i : sorted) {
      counts[labels[i]]++;
    }
    int[][] byClass = new int[k][];
    for (int c = 0; c < k; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[k];
    for (int i : sorted) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int total = 0;
    int[] keep = new int[k];
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        throw new IllegalArgumentException(
            "class index " + c + " has no training rows; every class must be kept");
      }
      keep[c] = (int) Math.max(1, Math.min(counts[c], Math.round(fraction * counts[c])));
      total += keep[c];
    }
    int[] out = new int[total];
    int pos = 0;
    for (int c = 0; c < k; c++) {
      BalancedSplits.partialShuffle(byClass[c], keep[c], random);
      System.arraycopy(byClass[c], 0, out, pos, keep[c]);
      pos += keep[c];
    }
    Arrays.sort(out);
    return out;
  }
}
