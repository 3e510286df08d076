package org.radioclr.detect.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.metrics.Estimate;
import org.radioclr.classify.report.FractionCurvePlot;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import org.radioclr.detect.train.DetectTrainConfig;
import org.radioclr.detect.train.DetectTrainer;
import org.radioclr.detect.train.FrameSplit;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.nn.train.TrainingListener;

/**
 * The paper's detection comparisons (§4, Figs 9–10) in one run: for every arm (a backbone start,
 * frozen or trained), every label fraction and every draw, a detector trained on that fraction of
 * the training frames ({@link FrameSplit}, draw {@code r} seeded {@code seed + r}; no validation
 * split) and scored on the test frames with caesar-mrcnn's protocol. Writes into the study folder
 *
 * <ul>
 *   <li>{@code runs/<arm>-f<fraction>-r<draw>/}: each training run (resumable: a finished run is
 *       trained no further, so an interrupted study continues where it stopped);
 *   <li>{@code runs.csv}: {@code arm, fraction, draw, n_train, source_completeness,
 *       source_reliability, source_f1, extended_multisland_f1};
 *   <li>{@code summary.csv}: per arm and fraction, SOURCE and EXTENDED-MULTISLAND F1 as mean and
 *       standard error over the draws;
 *   <li>{@code fractions.png}: SOURCE F1 against the label fraction, one line per arm ({@link
 *       FractionCurvePlot}); {@code report.html}: both tables and the plot.
 * </ul>
 */
public final class DetectStudy {
  /**
   * The study's settings.
   *
   * @param arms the lines compared
   * @param fractions label fractions in (0, 1]
   * @param draws repeated draws per fraction, at least 1
   * @param train settings of every training run (its seed is the study's base seed)
   * @param decoderChannels decoder width
   * @param preprocess the input channels of every run
   */
  public record Settings(
      List<StudyArm> arms,
      List<Double> fractions,
      int draws,
      DetectTrainConfig train,
      int decoderChannels,
      PreprocessConfig preprocess) {
    public Settings {
      arms = List.copyOf(arms);
      fractions = List.copyOf(fractions);
      if (arms.isEmpty()) {
        throw new IllegalArgumentException("a study needs at least one arm");
      }
      if (arms.stream().map(StudyArm::name).distinct().count() != arms.size()) {
        throw new IllegalArgumentException("arm names must differ, got " + arms);
      }
      if (fractions.isEmpty()) {
        throw new IllegalArgumentException("a study needs at least one label fraction");
      }
      for (double f : fractions) {
        if (!(f > 0 && f <= 1)) {
          throw new IllegalArgumentException("label fractions must be in (0, 1], got " + f);
        }
      }
      if (draws < 1) {
        throw new IllegalArgumentException("draws must be >= 1, got " + draws);
      }
    }
  }

  /**
   * One trained and scored run.
   *
   * @param arm its arm
   * @param fraction its label fraction
   * @param draw its draw, 0-based
   * @param nTrain training frames used
   * @param metrics its figures on the test frames
   */
  public record Run(String arm, double fraction, int draw, int nTrain, DetectionMetrics metrics) {}

  private DetectStudy() {}

  /** Runs the study into {@code out} and writes its tables, plot and report. */
  public static List<Run> run(
      List<Frame> train,
      List<Frame> test,
      Settings settings,
      Path out,
      TrainingListener listener,
      ProgressListener progress) {
    AtomicFiles.ensureDirectory(out);
    List<Run> runs = new ArrayList<>();
    for (StudyArm arm : settings.arms()) {
      for (double fraction : settings.fractions()) {
        for (int draw = 0; draw < settings.draws(); draw++) {
          long seed = settings.train().seed() + draw;
          FrameSplit split = FrameSplit.of(train, 0, fraction, seed);
          Path dir = out.resolve("runs").resolve(runName(arm, fraction, draw));
          listener.note(
              "study: "
                  + arm.name()
                  + ", fraction "
                  + fraction
                  + ", draw "
                  + draw
                  + ": "
                  + split.train().size()
                  + " training frames");
          DetectTrainer.train(
              () ->
                  DetectModel.create(
                      arm.init(),
                      settings.preprocess(),
                      settings.decoderChannels(),
                      arm.freeze(),
                      seed),
              split.train(),
              List.of(),
              withSeed(settings.train(), seed),
              dir,
              new Provenance("radioclr detect study")
                  .put("arm", arm.name())
                  .put("init", arm.init().label())
                  .put("freeze_backbone", arm.freeze())
                  .put("label_fraction", fraction)
                  .put("draw", draw)
                  .put("config", settings.train()),
              listener);
          try (DetectModel net = DetectModel.load(dir.resolve(DetectTrainer.MODEL_DIR))) {
            DetectionMetrics m =
                FrameEvaluation.run(
                    test, f -> net.detect(f.image(), Grouping.DEFAULT), EvalConfig.PAPER, progress);
            runs.add(new Run(arm.name(), fraction, draw, split.train().size(), m));
          }
        }
      }
    }
    write(out, settings, runs);
    return runs;
  }

  private static DetectTrainConfig withSeed(DetectTrainConfig c, long seed) {
    return new DetectTrainConfig(
        c.epochs(),
        c.batchSize(),
        c.crop(),
        c.learningRate(),
        c.weightDecay(),
        seed,
        c.checkpointEvery());
  }

  static String runName(StudyArm arm, double fraction, int draw) {
    return arm.name() + "-f" + String.format(Locale.ROOT, "%.4g", fraction) + "-r" + draw;
  }

  /** Writes {@code runs.csv}, {@code summary.csv}, {@code fractions.png} and the report. */
  static void write(Path out, Settings settings, List<Run> runs) {
    Csv all =
        new Csv(
            List.of(
                "arm",
                "fraction",
                "draw",
                "n_train",
                "source_completeness",
                "source_reliability",
                "source_f1",
                "extended_multisland_f1"));
    for (Run r : runs) {
      DetectionMetrics m = r.metrics();
      all.row(
          List.of(
              r.arm(),
              r.fraction(),
              r.draw(),
              r.nTrain(),
              m.sourceCompleteness(),
              m.sourceReliability(),
              m.sourceF1(),
              m.f1(DetectionClass.EXTENDED_MULTISLAND)));
    }
    all.write(out.resolve("runs.csv"));
    List<String> header =
        List.of(
            "arm",
            "fraction",
            "draws",
            "n_train",
            "source_f1_mean",
            "source_f1_se",
            "multisland_f1_mean",
            "multisland_f1_se");
    Csv summary = new Csv(header);
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    List<FractionCurvePlot.Curve> curves = new ArrayList<>();
    for (StudyArm arm : settings.arms()) {
      int k = settings.fractions().size();
      double[] fr = new double[k];
      double[] mean = new double[k];
      double[] se = new double[k];
      for (int i = 0; i < k; i++) {
        double f = settings.fractions().get(i);
        List<Run> cell =
            runs.stream().filter(r -> r.arm().equals(arm.name()) && r.fraction() == f).toList();
        Estimate source =
            Estimate.of(
                cell.stream().mapToDouble(r -> zeroIfNaN(r.metrics().sourceF1())).toArray());
        Estimate multi =
            Estimate.of(
                cell.stream()
                    .mapToDouble(r -> zeroIfNaN(r.metrics().f1(DetectionClass.EXTENDED_MULTISLAND)))
                    .toArray());
        int nTrain = (int) Math.round(cell.stream().mapToInt(Run::nTrain).average().orElse(0));
        List<Object> row =
            List.of(
                arm.name(),
                f,
                cell.size(),
                nTrain,
                source.mean(),
                source.standardError(),
                multi.mean(),
                multi.standardError());
        summary.row(row);
        table.add(row.stream().map(DetectStudy::cell).toList());
        fr[i] = f;
        mean[i] = source.mean();
        se[i] = Double.isNaN(source.standardError()) ? 0 : source.standardError();
      }
      curves.add(new FractionCurvePlot.Curve(arm.name(), fr, mean, se));
    }
    summary.write(out.resolve("summary.csv"));
    Path plot = out.resolve("fractions.png");
    new FractionCurvePlot("Detection: SOURCE F1 against label fraction", "SOURCE F1", curves)
        .write(plot, 800, 500);
    new HtmlReport("radioclr detection study")
        .paragraph(
            String.format(
                Locale.ROOT,
                "%d arms x %d label fractions x %d draws; each run %d epochs of %d-px crops,"
                    + " batch %d, scored on the test frames with caesar-mrcnn's protocol (score"
                    + " 0.5, IoU 0.6). An undefined F1 (nothing found) counts as 0.",
                settings.arms().size(),
                settings.fractions().size(),
                settings.draws(),
                settings.train().epochs(),
                settings.train().crop(),
                settings.train().batchSize()))
        .heading("Mean and standard error over the draws")
        .table(table)
        .figure(plot, "SOURCE F1 against the label fraction, ± standard error over the draws.")
        .write(out.resolve("report.html"));
  }

  private static double zeroIfNaN(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String cell(Object v) {
    return v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v);
  }
}
