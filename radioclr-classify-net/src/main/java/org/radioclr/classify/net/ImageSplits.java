package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.classify.split.Split;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.Csv;

/**
 * K class-balanced random train/test draws of the labelled images of one or two datalists, pooled
 * (paper §3.1: 5 draws of 1000 training and 600 test images per class): the images of the training
 * datalist, then those of the test datalist, drawn from with {@link BalancedSplits#draw} (fewer per
 * class, in the same ratio, when the rarest class is smaller). Single-label data only.
 *
 * @param classes the classes (by id, from {@link Classes#of}; both datalists must agree)
 * @param pool the pooled images; its {@code datalist} is the training datalist
 * @param sources the datalists pooled (one or two)
 * @param draws the K draws, row indices into {@code pool}
 */
public record ImageSplits(
    Classes classes, LabelledSet pool, List<Path> sources, BalancedSplits draws) {

  /** The file listing every draw's images. */
  public static final String CSV_FILE = "splits.csv";

  /** Checks the fields. */
  public ImageSplits {
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(pool, "pool");
    sources = List.copyOf(sources);
    Objects.requireNonNull(draws, "draws");
  }

  /**
   * Reads and pools the datalists and draws the splits.
   *
   * @param train the training datalist
   * @param test the test datalist, or null to draw from {@code train} alone
   * @param trainPerClass training images per class wanted in each draw
   * @param testPerClass test images per class wanted in each draw
   * @param k the number of draws, &ge; 1
   * @param seed the seed of the draws
   * @throws BadInputException naming the datalist when it is empty, an entry is unlabelled or has
   *     several labels (multi-label data), its file is missing, the classes of the two differ, or
   *     the rarest class is too small to split
   * @throws IllegalArgumentException on a bad size or K
   */
  public static ImageSplits draw(
      Path train, Path test, int trainPerClass, int testPerClass, int k, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("--splits must be >= 1, got " + k);
    }
    if (trainPerClass < 1 || testPerClass < 1) {
      throw new IllegalArgumentException(
          "--train-per-class and --test-per-class must be >= 1, got "
              + trainPerClass
              + " and "
              + testPerClass);
    }
    List<DatalistEntry> trainEntries = read(train);
    Classes classes = Classes.of(train, trainEntries);
    LabelledSet pool = LabelledSet.of(train, trainEntries, classes);
    List<Path> sources = new ArrayList<>(List.of(train));
    if (test != null) {
      List<DatalistEntry> testEntries = read(test);
      classes.requireSame(Classes.of(test, testEntries), test);
      LabelledSet t = LabelledSet.of(test, testEntries, classes);
      pool = concat(pool, t);
      sources.add(test);
    }
    int[] labels = new int[pool.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = pool.truth()[i][0];
    }
    // the sizes and K are checked above: what is left is a class too small to split
    BalancedSplits draws =
        BadInputException.check(
            train,
            () ->
                BalancedSplits.draw(classes.names(), labels, trainPerClass, testPerClass, k, seed));
    return new ImageSplits(classes, pool, sources, draws);
  }

  /** Number of draws. */
  public int size() {
    return draws.splits().size();
  }

  /** Draw {@code j} (0-based) as a train and test set. */
  public ClassificationData split(int j) {
    Split s = draws.splits().get(j);
    return new ClassificationData(classes, false, pool.subset(s.train()), pool.subset(s.test()));
  }

  /**
   * One sentence on where the draws come from, e.g. "2 class-balanced random train/test draws from
   * the images of a.json and b.json pooled: 3 train + 1 test per class".
   */
  public String describe() {
    return size()
        + " class-balanced random train/test draw"
        + (size() == 1 ? "" : "s")
        + " from the "
        + pool.size()
        + " images of "
        + String.join(" and ", sources.stream().map(Path::toString).toList())
        + (sources.size() > 1 ? " pooled" : "")
        + ": "
        + draws.trainPerClass()
        + " train + "
        + draws.testPerClass()
        + " test images per class"
        + (draws.reduced() ? " (" + draws.note() + ")" : "");
  }

  /** Writes {@code split,set,sname,label} (split 1-based, set train or test), one row per image. */
  public void writeCsv(Path file) {
    Csv table = new Csv("split", "set", "sname", "label");
    for (int j = 0; j < size(); j++) {
      Split s = draws.splits().get(j);
      rows(table, j, "train", s.train());
      rows(table, j, "test", s.test());
    }
    table.write(file);
  }

  private void rows(Csv table, int j, String set, int[] rows) {
    for (int i : rows) {
      table.row(j + 1, set, pool.snames().get(i), classes.names().get(pool.truth()[i][0]));
    }
  }

  private static List<DatalistEntry> read(Path datalist) {
    List<DatalistEntry> entries = DatalistReader.readAll(datalist);
    if (entries.isEmpty()) {
      throw new BadInputException(datalist, "has no entries");
    }
    for (DatalistEntry e : entries) {
      if (e.labels().size() > 1) {
        throw new BadInputException(
            datalist,
            "entry '"
                + e.sname()
                + "' has "
                + e.labels().size()
                + " labels; --splits needs single-label data");
      }
    }
    return entries;
  }

  private static LabelledSet concat(LabelledSet a, LabelledSet b) {
    List<String> s = new ArrayList<>(a.snames());
    s.addAll(b.snames());
    List<Path> f = new ArrayList<>(a.files());
    f.addAll(b.files());
    int[][] t = new int[a.size() + b.size()][];
    System.arraycopy(a.truth(), 0, t, 0, a.size());
    System.arraycopy(b.truth(), 0, t, a.size(), b.size());
    return new LabelledSet(a.datalist(), s, f, t);
  }
}
