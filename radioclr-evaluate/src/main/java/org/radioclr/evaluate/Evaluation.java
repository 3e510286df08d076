package org.radioclr.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.Predictions;
import org.radioclr.classify.knn.KnnAccuracy;
import org.radioclr.classify.linear.LogisticModel;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.linear.LogisticRegression;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.classify.split.Split;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;

/**
 * Measures an encoder on one labelled datalist: K class-balanced train/test draws ({@link
 * BalancedSplits}, paper §3.1) and, on the same draws, four classifiers scored on each test set:
 *
 * <ol>
 *   <li>{@code probe}: a multinomial logistic regression (L-BFGS, standardised features, L2) on the
 *       frozen encoder's 512 features (the linear probe of paper §3.2, as {@code classify probe
 *       --features});
 *   <li>{@code knn}: cosine k-nearest neighbours of each test image among the training images in
 *       the same feature space ({@link KnnAccuracy#classify}); no fitting;
 *   <li>{@code random_probe}: the probe on the features of the same architecture with random
 *       (seeded) weights, what the network gives without training;
 *   <li>{@code raw_pixels}: the logistic regression on the pre-processed image resized to {@code
 *       rawSize x rawSize} per channel and flattened ({@link RawPixels}).
 * </ol>
 *
 * Images that cannot be read are left out of all four (listed in the result). Each figure is
 * reported as mean ± standard error over the K test sets.
 */
public final class Evaluation {
  /** Sub-folder of the output folder holding the random-weights checkpoint. */
  public static final String RANDOM_CHECKPOINT_DIR = "random-encoder";

  private Evaluation() {}

  /**
   * Runs the evaluation.
   *
   * @param out the output folder; the random-weights checkpoint is written to {@code
   *     out/random-encoder}, which must not exist
   * @param progress told of each extraction and of the splits
   * @throws BadInputException naming the datalist or checkpoint when it is missing or broken, has
   *     no labelled entry, or a class too small to split
   */
  public static EvaluationResult run(EvaluationConfig config, Path out, ProgressListener progress) {
    long start = System.nanoTime();
    Path datalist = config.labelled();
    LabelledEntries entries = LabelledEntries.read(datalist);
    FeatureOptions options = FeatureOptions.defaults().withDihedral(config.dihedral());
    EncoderRows trained;
    ModelConfig model;
    Path checkpoint;
    EncoderSource loaded = EncoderSource.open(config.encoder(), config.imageSize());
    model = loaded.config();
    checkpoint = loaded.source();
    // the extractor owns the loaded model and closes it
    try (FeatureExtractor extractor =
        FeatureExtractor.of(
            loaded.model(), model.effectivePreprocess(), options, model.head().outputDim())) {
      trained = EncoderRows.of(extractor, entries.entries(), progress);
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (trained.rows()[i] != null) {
        keep.add(i);
      }
    }
    if (keep.isEmpty()) {
      SkippedImages.Entry first = trained.skipped().get(0);
      throw new BadInputException(
          datalist, "no image could be read (first: " + first.file() + ": " + first.detail() + ")");
    }
    int n = keep.size();
    int[] labels = new int[n];
    List<String> snames = new ArrayList<>(n);
    boolean[] wanted = new boolean[entries.size()];
    for (int r = 0; r < n; r++) {
      int i = keep.get(r);
      labels[r] = entries.label(i);
      snames.add(entries.entries().get(i).sname());
      wanted[i] = true;
    }
    List<String> classes = entries.classes().names();
    BalancedSplits splits =
        BadInputException.check(
            datalist,
            () ->
                BalancedSplits.draw(
                    classes,
                    labels,
                    config.trainPerClass(),
                    config.testPerClass(),
                    config.splits(),
                    config.seed()));

    Path randomDir = out.resolve(RANDOM_CHECKPOINT_DIR);
    Checkpoint.saveRandom(
        randomDir,
        model,
        config.seed(),
        new Provenance("radioclr evaluate").put("architecture_of", checkpoint.toString()));
    float[][] random;
    try (FeatureExtractor extractor = FeatureExtractor.open(randomDir, options)) {
      random = EncoderRows.of(extractor, entries.entries(), progress).rows();
    }
    float[][] raw =
        RawPixels.of(model.effectivePreprocess(), entries.entries(), wanted, config.rawSize());

    float[][] features = select(trained.rows(), keep);
    float[][] randomFeatures = select(random, keep);
    float[][] pixels = select(raw, keep);
    List<ClassificationMetrics> probe = new ArrayList<>();
    List<ClassificationMetrics> knn = new ArrayList<>();
    List<ClassificationMetrics> randomProbe = new ArrayList<>();
    List<ClassificationMetrics> rawProbe = new ArrayList<>();
    progress.start("splits", config.splits());
    try {
      for (Split s : splits.splits()) {
        probe.add(logistic(features, labels, snames, classes, s, config.logistic()));
        knn.add(knn(features, labels, classes, s, config.k()));
        randomProbe.add(logistic(randomFeatures, labels, snames, classes, s, config.logistic()));
        rawProbe.add(logistic(pixels, labels, snames, classes, s, config.logistic()));
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    int side = config.rawSize();
    List<MethodResult> methods =
        List.of(
            MethodResult.of(
                "probe",
                "linear probe",
                "logistic regression on the frozen encoder's features",
                probe),
            MethodResult.of(
                "knn",
                "kNN (cosine, k = " + config.k() + ")",
                "majority class of the k most cosine-similar training images in feature space",
                knn),
            MethodResult.of(
                "random_probe",
                "random weights",
                "logistic regression on the features of the same network with random weights"
                    + " (seed "
                    + config.seed()
                    + ")",
                randomProbe),
            MethodResult.of(
                "raw_pixels",
                "raw pixels",
                String.format(
                    Locale.ROOT,
                    "logistic regression on the pre-processed image resized to %dx%d per channel"
                        + " (%d values)",
                    side,
                    side,
                    pixels[0].length),
                rawProbe));
    return new EvaluationResult(
        config,
        checkpoint,
        model.architecture(),
        model.imageSize(),
        snames,
        labels,
        splits,
        methods,
        trained.skipped(),
        entries.unlabelled(),
        randomDir,
        (System.nanoTime() - start) / 1e9);
  }

  private static float[][] select(float[][] rows, List<Integer> keep) {
    float[][] out = new float[keep.size()][];
    for (int r = 0; r < keep.size(); r++) {
      out[r] = rows[keep.get(r)];
      if (out[r] == null) {
        throw new IllegalStateException("image " + keep.get(r) + " has no row");
      }
    }
    return out;
  }

  private static ClassificationMetrics logistic(
      float[][] x,
      int[] labels,
      List<String> snames,
      List<String> classes,
      Split s,
      LogisticOptions options) {
    int[] tr = s.train();
    int[] te = s.test();
    List<String> names = new ArrayList<>(x[0].length);
    for (int j = 0; j < x[0].length; j++) {
      names.add("f" + j);
    }
    LogisticModel model =
        LogisticRegression.fit(rows(x, tr), pick(labels, tr), classes, names, options);
    int[][] truth = new int[te.length][];
    List<String> testNames = new ArrayList<>(te.length);
    for (int i = 0; i < te.length; i++) {
      truth[i] = new int[] {labels[te[i]]};
      testNames.add(snames.get(te[i]));
    }
    Predictions p = model.predict(rows(x, te), testNames, truth);
    return ClassificationMetrics.of(p);
  }

  private static ClassificationMetrics knn(
      float[][] x, int[] labels, List<String> classes, Split s, int k) {
    int[] tr = s.train();
    int[] te = s.test();
    int[] voted = KnnAccuracy.classify(rows(x, tr), pick(labels, tr), rows(x, te), k);
    return ClassificationMetrics.ofLabels(classes, pick(labels, te), voted);
  }

  private static float[][] rows(float[][] x, int[] idx) {
    float[][] out = new float[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  private static int[] pick(int[] a, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }
}
