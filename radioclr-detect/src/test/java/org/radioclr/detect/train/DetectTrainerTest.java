package org.radioclr.detect.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.Masks;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.train.TrainingListener;

/** A tiny end-to-end training on planted two-lobe sources, where islands cannot win. */
@Tag("slow")
public class DetectTrainerTest {
  private static final int S = 64;
  private static final double RMS = 1e-4;
  private static final double SIGMA = 1.3; // beam sigma, pixels (FWHM ~3)

  @TempDir Path dir;

  /** A frame with a two-lobe source (one object of two islands) and a point source. */
  public static Frame frame(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Plane p = Plane.zeros(S, S);
    for (int i = 0; i < p.size(); i++) {
      p.data()[i] = (float) (RMS * gauss(r));
    }
    double cx = 20 + r.nextInt(24);
    double cy = 20 + r.nextInt(24);
    double angle = r.nextDouble() * Math.PI;
    double sep = 9 + r.nextInt(4);
    double[][] lobes = {
      {cx + sep * Math.cos(angle), cy + sep * Math.sin(angle)},
      {cx - sep * Math.cos(angle), cy - sep * Math.sin(angle)}
    };
    double px = r.nextInt(S - 8) + 4;
    double py = r.nextInt(S - 8) + 4;
    while (Math.hypot(px - cx, py - cy) < sep + 8) {
      px = r.nextInt(S - 8) + 4;
      py = r.nextInt(S - 8) + 4;
    }
    List<Integer> lobePix = new ArrayList<>();
    List<Integer> pointPix = new ArrayList<>();
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double m = 0;
        for (double[] l : lobes) {
          m += 30 * RMS * g(x - l[0], y - l[1], 1.6 * SIGMA);
        }
        double pt = 20 * RMS * g(x - px, y - py, SIGMA);
        p.data()[y * S + x] += (float) (m + pt);
        if (m > 3 * RMS) {
          lobePix.add(y * S + x);
        }
        if (pt > 3 * RMS) {
          pointPix.add(y * S + x);
        }
      }
    }
    List<Instance> truth =
        List.of(
            Instance.truth(set(lobePix), DetectionClass.EXTENDED_MULTISLAND),
            Instance.truth(set(pointPix), DetectionClass.COMPACT));
    double fwhm = SIGMA * 2.3548;
    return new Frame("f" + seed, p, truth, fwhm, fwhm, null);
  }

  private static double gauss(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  private static double g(double dx, double dy, double s) {
    return Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
  }

  private static PixelSet set(List<Integer> idx) {
    return PixelSet.of(S, S, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void shortTrainingBeatsTheIslandFinderOnTwoLobeSourcesAndResumes() throws Exception {
    List<Frame> train = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      train.add(frame(100 + i));
    }
    List<Frame> val = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      val.add(frame(900 + i));
    }
    for (Frame f : val) {
      PixelSet lobes = f.truth().get(0).pixels();
      assertEquals(2, Masks.islands(lobes.toMask(), S, S), "planted lobes are apart");
    }
    DetectionMetrics islands =
        FrameEvaluation.run(
            val,
            f ->
                new IslandFinder(IslandConfig.DEFAULT)
                    .find(f.image(), f.beamMajorPixels(), f.beamMinorPixels()),
            EvalConfig.PAPER,
            ProgressListener.NONE);
    assertEquals(0.0, islands.completeness(DetectionClass.EXTENDED_MULTISLAND));

    Path run = dir.resolve("run");
    DetectTrainConfig half = new DetectTrainConfig(15, 4, 64, 2e-3, 0, 7, 5);
    DetectTrainConfig full = new DetectTrainConfig(30, 4, 64, 2e-3, 0, 7, 5);
    Supplier<DetectModel> create =
        () -> DetectModel.create(new EncoderInit.Scratch(), PreprocessConfig.paper(), 32, false, 7);
    DetectTrainer.train(
        create, train, val, half, run, new Provenance("test"), TrainingListener.NONE);
    List<String> notes = new ArrayList<>();
    Optional<DetectionMetrics> m =
        DetectTrainer.train(
            create,
            train,
            val,
            full,
            run,
            new Provenance("test"),
            new TrainingListener() {
              @Override
              public void note(String message) {
                notes.add(message);
              }
            });
    assertTrue(notes.get(0).contains("after epoch 15"), notes.toString());
    assertEquals(31, Files.readAllLines(run.resolve("metrics.csv")).size());
    assertTrue(Files.isRegularFile(run.resolve("metrics.png")));
    try (DetectModel model = DetectModel.load(run.resolve(DetectTrainer.MODEL_DIR))) {
      DetectionMetrics again =
          FrameEvaluation.run(
              val,
              f -> model.detect(f.image(), Grouping.DEFAULT),
              EvalConfig.PAPER,
              ProgressListener.NONE);
      assertEquals(m.orElseThrow().sourceF1(), again.sourceF1(), 1e-9, "saved = trained");
    }
    System.out.println("multi-island F1 " + m.orElseThrow().toMap());
    System.out.println(Files.readString(run.resolve("metrics.csv")));
    double multi = m.orElseThrow().f1(DetectionClass.EXTENDED_MULTISLAND);
    double islandMulti = islands.f1(DetectionClass.EXTENDED_MULTISLAND);
    assertTrue(
        multi > (Double.isNaN(islandMulti) ? 0 : islandMulti),
        "network multi-island F1 " + multi + " vs islands " + islandMulti);
  }
}
