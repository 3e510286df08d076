package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.split.LabelFractions;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.nn.checkpoint.EncoderInit;

/**
 * The label-fraction study of paper §3.3: for every encoder initialisation, label fraction and
 * split, fine-tune (or probe) a classifier on that fraction of the split's training set, keeping
 * every class, and test it on the split's test set.
 *
 * <p>A split is one train/test pair: either K class-balanced random draws of the pooled labelled
 * images ({@link ImageSplits}, paper §3.1), or the given pair repeated K times ({@link #run(List,
 * EncoderShape, ClassificationData, List, int, ClassifierTrainConfig, Path, Listener)}). Split
 * {@code k} (0-based) draws its subsample with {@link LabelFractions#subsample} (images grouped by
 * their first true class; {@code max(1, round(fraction * n_c))} of a class of {@code n_c}) and seed
 * {@code config.seed() + 1000003 * k} per fraction (the same subsample for every initialisation, so
 * they are compared on the same images; fraction 1 is the whole training set) and trains with seed
 * {@code config.seed() + k}. Runs go to {@code OUT/<init>/f<fraction>-s<k>/} (e.g. {@code
 * scratch/f0.05-s0}) (each a {@link ClassifierTrainer} run folder, with its own {@code
 * metrics.json} and {@code report.html}); after each run the table {@code OUT/fractions.csv}
 * (columns {@code init, fraction, split, n_train, accuracy, macro_f1, run}) and the summary over
 * splits ({@link LabelFractionSummary}: {@code summary.csv}, {@code summary.json}, {@code
 * fractions.png}, {@code report.html}) are rewritten, so an interrupted study keeps its finished
 * rows.
 */
public final class LabelFractionStudy {
  /** The study's table. */
  public static final String TABLE_FILE = "fractions.csv";

  /** The paper's label fractions. */
  public static final List<Double> PAPER_FRACTIONS = List.of(0.01, 0.05, 0.1, 0.25, 0.5, 1.0);

  private LabelFractionStudy() {}

  /** Receives the start and end of each run, and everything a training listener receives. */
  public interface Listener extends ClassifierTrainer.Listener {
    /** A run starts. */
    default void runStarted(String init, double fraction, int split, int trainImages) {}

    /** A run ended. */
    default void runDone(Row row) {}
  }

  /**
   * One run of the study.
   *
   * @param init the initialisation's label
   * @param fraction the label fraction
   * @param split the repetition, 0-based
   * @param nTrain training images used
   * @param metrics the test scores after the last epoch
   * @param run the run folder
   */
  public record Row(
      String init,
      double fraction,
      int split,
      int nTrain,
      ClassificationMetrics metrics,
      Path run) {
    /** Checks the fields. */
    public Row {
      Objects.requireNonNull(init, "init");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(run, "run");
    }

    /** Test accuracy after the last epoch (subset accuracy when multi-label). */
    public double accuracy() {
      return metrics.accuracy();
    }

    /** Test macro F1 after the last epoch. */
    public double macroF1() {
      return metrics.macro().f1();
    }
  }

  /**
   * Runs the study on one train/test pair, repeated {@code splits} times with other subsample and
   * training seeds.
   *
   * @param inits the initialisations, at least one
   * @param shape the encoder for scratch and safetensors initialisations (may be null when there
   *     are none)
   * @param fractions label fractions in (0, 1], at least one
   * @param splits repetitions per (initialisation, fraction), &ge; 1
   * @param out the study folder; must be missing or empty
   * @throws BadInputException on bad input (see {@link ClassifierTrainer})
   */
  public static List<Row> run(
      List<EncoderInit> inits,
      EncoderShape shape,
      ClassificationData data,
      List<Double> fractions,
      int splits,
      ClassifierTrainConfig config,
      Path out,
      Listener listener) {
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be >= 1, got " + splits);
    }
    String source =
        "training set "
            + data.train().datalist()
            + " ("
            + data.train().size()
            + " images), test set "
            + data.test().datalist()
            + " ("
            + data.test().size()
            + " images)"
            + (splits == 1
                ? ""
                : "; " + splits + " repetitions (other subsample and training seeds) per fraction");
    return run(
        inits, shape, Collections.nCopies(splits, data), source, fractions, config, out, listener);
  }

  /**
   * Runs the study on K train/test pairs (e.g. the draws of {@link ImageSplits}).
   *
   * @param inits the initialisations, at least one
   * @param shape the encoder for scratch and safetensors initialisations (may be null when there
   *     are none)
   * @param splits the train/test pairs, at least one, all with the same classes and multi-label
   *     setting
   * @param source a sentence on where the pairs come from, for the report
   * @param fractions label fractions in (0, 1], at least one
   * @param out the study folder; must be missing or empty
   * @throws BadInputException on bad input (see {@link ClassifierTrainer})
   */
  public static List<Row> run(
      List<EncoderInit> inits,
      EncoderShape shape,
      List<ClassificationData> splits,
      String source,
      List<Double> fractions,
      ClassifierTrainConfig config,
      Path out,
      Listener listener) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(source, "source");
    if (inits.isEmpty()) {
      throw new IllegalArgumentException("need at least one initialisation");
    }
    if (fractions.isEmpty()) {
      throw new IllegalArgumentException("need at least one label fraction");
    }
    for (double f : fractions) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("label fractions must be in (0, 1], got " + f);
      }
    }
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("need at least one split");
    }
    ClassificationData first = splits.get(0);
    for (ClassificationData d : splits) {
      if (!d.classes().equals(first.classes()) || d.multiLabel() != first.multiLabel()) {
        throw new IllegalArgumentException("the splits must have the same classes");
      }
    }
    OutputFolders.requireEmpty(out, "choose another --out folder");
    Path dir = out.toAbsolutePath().normalize();
    AtomicFiles.ensureDirectory(dir);
    Map<String, EncoderInit> labelled = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (EncoderInit init : inits) {
      String label = init.label().replaceAll("[^A-Za-z0-9._-]", "_");
      String unique = label;
      for (int k = 2; !used.add(unique); k++) {
        unique = label + "-" + k;
      }
      labelled.put(unique, init);
    }
    List<Row> rows = new ArrayList<>();
    for (int split = 0; split < splits.size(); split++) {
      ClassificationData data = splits.get(split);
      for (double fraction : fractions) {
        long subsampleSeed = config.seed() + 1000003L * split;
        LabelledSet train =
            fraction == 1
                ? data.train()
                : data.train().subset(subsample(data.train().truth(), fraction, subsampleSeed));
        ClassificationData subset = data.withTrain(train);
        ClassifierTrainConfig c = config.withSeed(config.seed() + split);
        for (Map.Entry<String, EncoderInit> e : labelled.entrySet()) {
          Path run = dir.resolve(e.getKey()).resolve("f" + fraction + "-s" + split);
          listener.runStarted(e.getKey(), fraction, split, train.size());
          ClassifierTrainer.Result result;
          try (ClassifierNet net =
              ClassifierNet.create(
                  e.getValue(), shape, data.classes(), data.multiLabel(), c.seed())) {
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("label_fraction", fraction);
            notes.put("split", split);
            notes.put("subsample_seed", subsampleSeed);
            result = ClassifierTrainer.train(net, c, subset, run, notes, listener);
          }
          Row row =
              new Row(e.getKey(), fraction, split, result.trainImages(), result.metrics(), run);
          rows.add(row);
          writeTable(dir.resolve(TABLE_FILE), rows, dir);
          LabelFractionSummary.write(
              dir, rows, describe(inits, fractions, source, config, labelled.keySet()));
          listener.runDone(row);
        }
      }
    }
    return rows;
  }

  /**
   * The rows of a label fraction: images grouped by their first true class (class indices made
   * contiguous, since in multi-label data a class may never come first), then {@link
   * LabelFractions#subsample}. Multi-label data: a class left without an image (it only came second
   * in its images, and none of those was drawn) then gets one of its images, drawn with a random
   * generator seeded by {@code seed}, so every class stays present.
   *
   * @param truth {@code [images][*]} true class indices; every row needs at least one
   * @return the chosen image indices, increasing
   */
  static int[] subsample(int[][] truth, double fraction, long seed) {
    int n = truth.length;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (truth[i].length == 0) {
        throw new IllegalArgumentException("image " + i + " has no class");
      }
      k = Math.max(k, truth[i][0] + 1);
    }
    int[] rank = new int[k];
    Arrays.fill(rank, -1);
    for (int[] t : truth) {
      rank[t[0]] = 0;
    }
    for (int c = 0, next = 0; c < k; c++) {
      rank[c] = rank[c] < 0 ? -1 : next++;
    }
    int[] labels = new int[n];
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rank[truth[i][0]];
      all[i] = i;
    }
    int[] chosen = LabelFractions.subsample(all, labels, fraction, seed);
    int classes = 0;
    for (int[] t : truth) {
      for (int c : t) {
        classes = Math.max(classes, c + 1);
      }
    }
    boolean[] present = new boolean[classes];
    for (int i : chosen) {
      for (int c : truth[i]) {
        present[c] = true;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> added = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      if (present[c]) {
        continue;
      }
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int x : truth[i]) {
          if (x == c) {
            candidates.add(i);
            break;
          }
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      int pick = candidates.get(random.nextInt(candidates.size()));
      added.add(pick);
      for (int x : truth[pick]) {
        present[x] = true;
      }
    }
    if (added.isEmpty()) {
      return chosen;
    }
    int[] out = Arrays.copyOf(chosen, chosen.length + added.size());
    for (int j = 0; j < added.size(); j++) {
      out[chosen.length + j] = added.get(j);
    }
    Arrays.sort(out);
    return out;
  }

  private static List<String> describe(
      List<EncoderInit> inits,
      List<Double> fractions,
      String source,
      ClassifierTrainConfig config,
      Set<String> labels) {
    List<String> names = new ArrayList<>();
    int i = 0;
    for (String label : labels) {
      EncoderInit init = inits.get(i++);
      names.add(label.equals(init.label()) ? label : label + " (" + init.label() + ")");
    }
    return List.of(
        (config.frozenEncoder() ? "Linear probes" : "Fine-tuning")
            + " on label fractions "
            + fractions
            + " of each split's training set (every class kept), tested on its test set; "
            + source
            + "; "
            + config.epochs()
            + " epochs each.",
        "Encoder initialisations: " + String.join(", ", names) + ".");
  }

  private static void writeTable(Path file, List<Row> rows, Path dir) {
    Csv table = new Csv("init", "fraction", "split", "n_train", "accuracy", "macro_f1", "run");
    for (Row r : rows) {
      table.row(
          r.init(),
          r.fraction(),
          r.split(),
          r.nTrain(),
          String.format(Locale.ROOT, "%.6f", r.accuracy()),
          String.format(Locale.ROOT, "%.6f", r.macroF1()),
          dir.relativize(r.run()));
    }
    table.write(file);
  }
}
