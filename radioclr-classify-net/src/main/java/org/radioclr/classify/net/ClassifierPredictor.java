package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.classify.Predictions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.report.PredictionsCsv;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;

/**
 * Runs a saved classifier on every image of a datalist (labelled or not) and writes per-image class
 * probabilities ({@link PredictionsCsv}). Each entry's first file is read and pre-processed with
 * the classifier's own pre-processing (no augmentation), batched, and the network runs in inference
 * mode, so an image gets the same probabilities as in the training run's test evaluation (up to
 * float rounding). Unreadable images are left out and recorded in the caller's {@link
 * SkippedImages}.
 */
public final class ClassifierPredictor {
  private ClassifierPredictor() {}

  /**
   * What a prediction run produced.
   *
   * @param classes the class names, in column order
   * @param snames the images predicted (unreadable ones left out)
   * @param multiLabel whether the outputs are independent sigmoids
   * @param truth {@code [rows][*]} true classes when every entry was labelled with known classes,
   *     else null
   * @param scores {@code [rows][classes]} probabilities
   * @param skipped images that could not be read
   */
  public record Output(
      List<String> classes,
      List<String> snames,
      boolean multiLabel,
      int[][] truth,
      float[][] scores,
      int skipped) {
    /** Copies the lists. */
    public Output {
      classes = List.copyOf(classes);
      snames = List.copyOf(snames);
    }

    /** The predictions with their truth, or null when the datalist was not (fully) labelled. */
    public Predictions predictions() {
      return truth == null ? null : new Predictions(classes, snames, multiLabel, truth, scores);
    }

    /** The scores when labelled, else null. */
    public ClassificationMetrics metrics() {
      Predictions p = predictions();
      return p == null ? null : ClassificationMetrics.of(p);
    }

    /** Accuracy when labelled (subset accuracy when multi-label), else NaN. */
    public double accuracy() {
      ClassificationMetrics m = metrics();
      return m == null ? Double.NaN : m.accuracy();
    }
  }

  /**
   * Loads a classifier folder (or a run's {@code classifier/}) and predicts {@code datalist} into
   * {@code outCsv}.
   *
   * @throws BadInputException naming the folder or datalist on bad input
   */
  public static Output predict(
      Path classifier,
      Path datalist,
      Path outCsv,
      int batchSize,
      int workers,
      ProgressListener progress,
      SkippedImages skipped) {
    try (ClassifierNet net = ClassifierNet.load(classifier)) {
      Output out = predict(net, datalist, batchSize, workers, progress, skipped);
      PredictionsCsv.write(
          outCsv, out.classes(), out.snames(), out.multiLabel(), out.truth(), out.scores());
      return out;
    }
  }

  /**
   * Predicts every image of {@code datalist} with {@code net}.
   *
   * @throws BadInputException naming the datalist when it is empty, an entry has several files, or
   *     no image can be read
   */
  public static Output predict(
      ClassifierNet net,
      Path datalist,
      int batchSize,
      int workers,
      ProgressListener progress,
      SkippedImages skipped) {
    Objects.requireNonNull(progress, "progress");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    List<DatalistEntry> entries = DatalistReader.readAll(datalist);
    if (entries.isEmpty()) {
      throw new BadInputException(datalist, "has no entries");
    }
    Classes classes = net.classes();
    boolean labelled = true;
    List<Path> files = new ArrayList<>(entries.size());
    for (DatalistEntry e : entries) {
      if (e.files().size() != 1) {
        throw new BadInputException(
            datalist,
            "entry '" + e.sname() + "' has " + e.files().size() + " files; expected one FITS file");
      }
      files.add(e.files().get(0));
      labelled &=
          !e.labels().isEmpty()
              && (net.multiLabel() || e.labels().size() == 1)
              && classes.names().containsAll(e.labels());
    }
    int n = entries.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<String> snames = new ArrayList<>(n);
    List<float[]> scores = new ArrayList<>(n);
    List<int[]> truth = new ArrayList<>(n);
    progress.start("predicting", n);
    try (ImageBatches images =
        new ImageBatches(files, net.shape().effectivePreprocess(), workers, 0, skipped)) {
      try (ImageBatches.Pass pass = images.pass(order, new int[n], batchSize)) {
        ImageBatches.Batch b;
        while ((b = pass.next()) != null) {
          float[][] p = net.probabilities(b.data(), b.count());
          for (int r = 0; r < b.count(); r++) {
            DatalistEntry e = entries.get(b.images()[r]);
            snames.add(e.sname());
            scores.add(p[r]);
            if (labelled) {
              truth.add(e.labels().stream().mapToInt(classes::indexOf).toArray());
            }
          }
          progress.advance(b.images().length == 0 ? 0 : b.count());
        }
      }
    } finally {
      progress.finish();
    }
    if (snames.isEmpty()) {
      throw new BadInputException(datalist, "no image could be read");
    }
    return new Output(
        classes.names(),
        snames,
        net.multiLabel(),
        labelled ? truth.toArray(int[][]::new) : null,
        scores.toArray(float[][]::new),
        n - snames.size());
  }
}
