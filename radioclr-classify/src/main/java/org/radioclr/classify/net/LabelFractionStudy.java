package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.OutputFolders;

/**
 * The label-fraction study of paper §3.3: for every encoder initialisation, label fraction and
 * repetition, fine-tune (or probe) a classifier on that fraction of the training set, keeping every
 * class, and test it on the unchanged test set.
 *
 * <p>Repetition {@code k} (0-based, {@code splits} of them) draws its subsample with seed {@code
 * config.seed() + 1000003 * k} per fraction (the same subsample for every initialisation, so they
 * are compared on the same images; fraction 1 is the whole set) and trains with seed {@code
 * config.seed() + k}. Runs go to {@code OUT/<init>/f<fraction>-s<k>/} (e.g. {@code
 * scratch/f0.05-s0}) (each a {@link ClassifierTrainer} run folder) and the table {@code
 * OUT/fractions.csv} (columns {@code init, fraction, split, n_train, accuracy, macro_f1, run}) is
 * rewritten after each run, so an interrupted study keeps its finished rows.
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
   * @param accuracy test accuracy after the last epoch
   * @param macroF1 test macro F1 after the last epoch
   * @param run the run folder
   */
  public record Row(
      String init,
      double fraction,
      int split,
      int nTrain,
      double accuracy,
      double macroF1,
      Path run) {}

  /**
   * Runs the study.
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
    Objects.requireNonNull(listener, "listener");
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
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be >= 1, got " + splits);
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
    for (int split = 0; split < splits; split++) {
      for (double fraction : fractions) {
        long subsampleSeed = config.seed() + 1000003L * split;
        LabelledSet train =
            fraction == 1
                ? data.train()
                : data.train()
                    .subset(
                        StratifiedSubsample.indices(
                            data.train().truth(), data.classes().size(), fraction, subsampleSeed));
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
              new Row(
                  e.getKey(),
                  fraction,
                  split,
                  result.trainImages(),
                  result.accuracy(),
                  result.macroF1(),
                  run);
          rows.add(row);
          writeTable(dir.resolve(TABLE_FILE), rows, dir);
          listener.runDone(row);
        }
      }
    }
    return rows;
  }

  private static void writeTable(Path file, List<Row> rows, Path dir) {
    StringBuilder sb = new StringBuilder("init,fraction,split,n_train,accuracy,macro_f1,run\n");
    for (Row r : rows) {
      sb.append(PredictionsCsv.quote(r.init()))
          .append(
              String.format(
                  Locale.ROOT,
                  ",%s,%d,%d,%.6f,%.6f,",
                  r.fraction(),
                  r.split(),
                  r.nTrain(),
                  r.accuracy(),
                  r.macroF1()))
          .append(PredictionsCsv.quote(dir.relativize(r.run()).toString()))
          .append('\n');
    }
    AtomicFiles.writeString(file, sb);
  }
}
