package org.radioclr.classify.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * K class-balanced random train/test draws from one labelled data set, as in the paper's §3.1 (5
 * draws of 1000 training and 600 test images per class from the unbalanced RGZ sample). Each draw
 * takes, for every class independently, a random subset of its rows without replacement: {@code
 * trainPerClass} for training and {@code testPerClass} others for testing, so a draw's sets are
 * disjoint and balanced; different draws overlap at random.
 *
 * <p>When the rarest class has fewer rows than {@code trainPerClass + testPerClass}, every class
 * uses as many as the rarest allows, split in the same ratio: {@code train = floor(m *
 * trainPerClass / (trainPerClass + testPerClass))}, {@code test = floor(m * testPerClass / (...))}
 * with {@code m} the rarest class's count; {@link #reduced()} is then true and {@link #note()} says
 * so.
 *
 * <p>Draw {@code j} uses the {@code j}-th generator split off {@code new SplittableRandom(seed)},
 * so the draws depend only on the labels, the sizes, K and the seed.
 *
 * @param classes class names, for messages and {@link #note()}
 * @param trainPerClass training rows taken per class in each draw (after any reduction)
 * @param testPerClass test rows taken per class in each draw (after any reduction)
 * @param reduced whether the sizes were reduced to fit the rarest class
 * @param note a sentence on the sizes used, naming the rarest class when reduced
 * @param splits the K draws
 */
public record BalancedSplits(
    List<String> classes,
    int trainPerClass,
    int testPerClass,
    boolean reduced,
    String note,
    List<Split> splits) {

  /** The paper's training rows per class. */
  public static final int PAPER_TRAIN_PER_CLASS = 1000;

  /** The paper's test rows per class. */
  public static final int PAPER_TEST_PER_CLASS = 600;

  /** The paper's number of draws. */
  public static final int PAPER_SPLITS = 5;

  public BalancedSplits {
    classes = List.copyOf(classes);
    splits = List.copyOf(splits);
    Objects.requireNonNull(note, "note");
  }

  /**
   * Draws K balanced splits.
   *
   * @param classes class names; {@code labels} index into them
   * @param labels {@code [rows]} class index of each row
   * @param trainPerClass training rows per class wanted, &ge; 1
   * @param testPerClass test rows per class wanted, &ge; 1
   * @param k number of draws, &ge; 1
   * @param seed the random seed
   * @throws IllegalArgumentException when a size or K is below 1, a label is out of range, a class
   *     has no rows (naming it), or the rarest class is too small to give each set one row
   */
  public static BalancedSplits draw(
      List<String> classes, int[] labels, int trainPerClass, int testPerClass, int k, long seed) {
    if (trainPerClass < 1 || testPerClass < 1) {
      throw new IllegalArgumentException(
          "train and test rows per class must be >= 1, got "
              + trainPerClass
              + " and "
              + testPerClass);
    }
    if (k < 1) {
      throw new IllegalArgumentException("number of splits must be >= 1, got " + k);
    }
    int[][] byClass = rowsByClass(classes, labels);
    int rarest = 0;
    for (int c = 1; c < byClass.length; c++) {
      if (byClass[c].length < byClass[rarest].length) {
        rarest = c;
      }
    }
    int m = byClass[rarest].length;
    int train = trainPerClass;
    int test = testPerClass;
    boolean reduced = m < trainPerClass + testPerClass;
    String note;
    if (reduced) {
      long sum = (long) trainPerClass + testPerClass;
      train = (int) (m * (long) trainPerClass / sum);
      test = (int) (m * (long) testPerClass / sum);
      if (train < 1 || test < 1) {
        throw new IllegalArgumentException(
            "class '"
                + classes.get(rarest)
                + "' has only "
                + m
                + " rows, too few for a "
                + trainPerClass
                + ":"
                + testPerClass
                + " train/test split");
      }
      note =
          String.format(
              java.util.Locale.ROOT,
              "the rarest class '%s' has %d rows (fewer than %d + %d): using %d train + %d test"
                  + " per class, the same %d:%d ratio",
              classes.get(rarest),
              m,
              trainPerClass,
              testPerClass,
              train,
              test,
              trainPerClass,
              testPerClass);
    } else {
      note =
          String.format(
              java.util.Locale.ROOT,
              "%d train + %d test rows per class in each of %d draws",
              train,
              test,
              k);
    }
    SplittableRandom root = new SplittableRandom(seed);
    List<Split> splits = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      SplittableRandom random = root.split();
      int[] tr = new int[train * byClass.length];
      int[] te = new int[test * byClass.length];
      for (int c = 0; c < byClass.length; c++) {
        int[] rows = byClass[c].clone();
        partialShuffle(rows, train + test, random);
        System.arraycopy(rows, 0, tr, c * train, train);
        System.arraycopy(rows, train, te, c * test, test);
      }
      splits.add(new Split(tr, te));
    }
    return new BalancedSplits(classes, train, test, reduced, note, splits);
  }

  /** Row indices of each class, ascending. */
  static int[][] rowsByClass(List<String> classes, int[] labels) {
    int k = classes.size();
    int[] counts = new int[k];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException(
            "row " + i + " has class index " + labels[i] + ", expected [0, " + k + ")");
      }
      counts[labels[i]]++;
    }
    int[][] rows = new int[k][];
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        throw new IllegalArgumentException("class '" + classes.get(c) + "' has no rows");
      }
      rows[c] = new int[counts[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < labels.length; i++) {
      rows[labels[i]][fill[labels[i]]++] = i;
    }
    return rows;
  }

  /** Moves a uniform random sample of {@code m} elements to the front (Fisher–Yates). */
  static void partialShuffle(int[] a, int m, SplittableRandom random) {
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
