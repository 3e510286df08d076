package org.radioclr.detect.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.LinePlot;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.data.FrameAugment;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.detect.net.DetectBlock;
import org.radioclr.detect.net.DetectLoss;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import org.radioclr.detect.net.Targets;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.nn.Engines;
import org.radioclr.nn.train.EpochMetrics;
import org.radioclr.nn.train.LearningRateSchedule;
import org.radioclr.nn.train.OptimiserStep;
import org.radioclr.nn.train.TrainingListener;

/**
 * Trains a {@link DetectModel} (paper §4.3–4.4 with the bottom-up head): each step takes {@code
 * batchSize} augmented crops ({@link FrameAugment}), builds their {@link Targets} and runs one
 * {@link OptimiserStep} on the {@link DetectLoss}; Adam with a one-epoch warm-up and cosine decay.
 * After each epoch the validation frames are scored with the caesar-mrcnn protocol (score 0.5, IoU
 * 0.6) and a row goes to {@code metrics.csv} (redrawn in {@code metrics.png}); the epoch's
 * checkpoint ({@code checkpoints/epoch-NNNN}: the model folder plus {@code adam.bin}) is written
 * and the older ones removed; the last epoch's model is also {@code model/}. A run folder with
 * checkpoints is resumed from its latest one (weights, optimiser moments, epoch).
 */
public final class DetectTrainer {
  /** The final model folder inside a run. */
  public static final String MODEL_DIR = "model";

  private static final String CSV_HEADER =
      "epoch,steps,loss,learning_rate,seconds,source_completeness,source_reliability,source_f1,"
          + "spurious_f1,compact_f1,extended_f1,extended_multisland_f1,flagged_f1";

  private DetectTrainer() {}

  /**
   * Trains (or resumes) the run in {@code run}.
   *
   * @param create makes the fresh model (not called when resuming)
   * @param provenance written with every checkpoint
   * @return the validation figures after the last epoch (empty without validation frames)
   */
  public static Optional<DetectionMetrics> train(
      Supplier<DetectModel> create,
      List<Frame> train,
      List<Frame> validation,
      DetectTrainConfig config,
      Path run,
      Provenance provenance,
      TrainingListener listener) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training frames");
    }
    AtomicFiles.ensureDirectory(run);
    Path checkpoints = run.resolve("checkpoints");
    Optional<Path> latest = latest(checkpoints);
    int startEpoch = 0;
    DetectModel net;
    if (latest.isPresent()) {
      net = DetectModel.load(latest.get());
      startEpoch = epochOf(latest.get());
      listener.note("resuming " + run + " after epoch " + startEpoch);
    } else {
      net = create.get();
    }
    Optional<DetectionMetrics> last = Optional.empty();
    try (net) {
      int minSide =
          train.stream()
              .mapToInt(f -> Math.min(f.image().width(), f.image().height()))
              .min()
              .orElseThrow();
      int crop = Math.min(config.crop(), minSide / 32 * 32);
      if (crop < 32) {
        throw new IllegalArgumentException("training frames must be at least 32 pixels wide");
      }
      int perEpoch = Math.max(1, train.size() / config.batchSize());
      int total = perEpoch * config.epochs();
      LearningRateSchedule lr =
          new LearningRateSchedule(config.learningRate(), Math.min(perEpoch, total / 2), total);
      listener.schedule(lr, perEpoch);
      NDManager manager = net.model().getNDManager();
      OptimiserStep step =
          new OptimiserStep(net.block(), manager, Engines.pytorch(), config.weightDecay());
      if (latest.isPresent()) {
        Path adam = latest.get().resolve("adam.bin");
        try (DataInputStream in = new DataInputStream(Files.newInputStream(adam))) {
          step.adam().load(in);
        } catch (IOException e) {
          throw new BadInputException(adam, "cannot read the optimiser state: " + e, e);
        }
      }
      DetectLoss loss = DetectLoss.DEFAULT;
      List<List<Object>> rows = readRows(run.resolve("metrics.csv"), startEpoch);
      for (int epoch = startEpoch + 1; epoch <= config.epochs(); epoch++) {
        SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + epoch);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
        listener.epochStarted(epoch, config.epochs(), (long) perEpoch * config.batchSize());
        long t0 = System.nanoTime();
        double sum = 0;
        int steps = 0;
        float rate = 0;
        for (int b = 0; b < perEpoch; b++) {
          List<FrameAugment.Sample> samples = new ArrayList<>();
          for (int k = 0; k < config.batchSize(); k++) {
            Frame f = train.get(order.get((b * config.batchSize() + k) % order.size()));
            samples.add(net.augment().sample(f, crop, random));
          }
          int global = (epoch - 1) * perEpoch + b;
          rate = lr.at(global);
          float value;
          try (NDManager scope = manager.newSubManager()) {
            NDArray x = stack(scope, samples);
            List<Targets> targets = new ArrayList<>();
            for (FrameAugment.Sample s : samples) {
              int side = s.input().width();
              targets.add(Targets.build(side, side, s.truth(), Targets.DEFAULT_SIGMA));
            }
            DetectLoss.Batch t = loss.batch(scope, targets);
            value =
                step.run(
                    global, rate, ps -> loss.loss(net.block().forward(ps, new NDList(x), true), t));
          }
          if (Float.isFinite(value)) {
            sum += value;
            steps++;
          }
          listener.stepDone(config.batchSize(), value);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double meanLoss = steps == 0 ? Double.NaN : sum / steps;
        listener.epochDone(
            new EpochMetrics(
                epoch, steps, meanLoss, rate, perEpoch * config.batchSize() / seconds, 0, seconds));
        DetectionMetrics m = null;
        if (!validation.isEmpty()) {
          m =
              FrameEvaluation.run(
                  validation,
                  f -> net.detect(f.image(), Grouping.DEFAULT),
                  EvalConfig.PAPER,
                  ProgressListener.NONE);
          last = Optional.of(m);
        }
        rows.add(row(epoch, steps, meanLoss, rate, seconds, m));
        writeMetrics(run, rows);
        if (epoch % config.checkpointEvery() != 0 && epoch != config.epochs()) {
          continue;
        }
        Path folder =
            checkpoints.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d", epoch));
        Provenance p = provenance.put("epoch", epoch);
        net.save(folder, p);
        try (DataOutputStream out =
            new DataOutputStream(Files.newOutputStream(folder.resolve("adam.bin")))) {
          step.adam().save(out);
        } catch (IOException e) {
          throw new BadInputException(folder, "cannot write the optimiser state: " + e, e);
        }
        listener.checkpointSaved(folder);
        prune(checkpoints, folder);
      }
      net.save(run.resolve(MODEL_DIR), provenance.put("epoch", config.epochs()));
    }
    return last;
  }

  private static NDArray stack(NDManager scope, List<FrameAugment.Sample> samples) {
    FrameAugment.Sample first = samples.get(0);
    int c = first.input().channels();
    int s = first.input().width();
    float[] all = new float[samples.size() * c * s * s];
    for (int k = 0; k < samples.size(); k++) {
      System.arraycopy(samples.get(k).input().data(), 0, all, k * c * s * s, c * s * s);
    }
    return scope.create(all, new Shape(samples.size(), c, s, s));
  }

  private static List<Object> row(
      int epoch, int steps, double loss, double lr, double seconds, DetectionMetrics m) {
    List<Object> r = new ArrayList<>();
    r.add(epoch);
    r.add(steps);
    r.add(loss);
    r.add(lr);
    r.add(seconds);
    if (m == null) {
      for (int i = 0; i < 3 + DetectionClass.values().length; i++) {
        r.add("");
      }
    } else {
      r.add(cell(m.sourceCompleteness()));
      r.add(cell(m.sourceReliability()));
      r.add(cell(m.sourceF1()));
      for (DetectionClass c : DetectionClass.values()) {
        r.add(cell(m.f1(c)));
      }
    }
    return r;
  }

  private static Object cell(double v) {
    return Double.isNaN(v) ? "" : v;
  }

  private static List<List<Object>> readRows(Path csv, int upToEpoch) {
    List<List<Object>> rows = new ArrayList<>();
    if (!Files.isRegularFile(csv)) {
      return rows;
    }
    try {
      List<String> lines = Files.readAllLines(csv);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        if (!cells[0].isEmpty() && Integer.parseInt(cells[0]) <= upToEpoch) {
          rows.add(new ArrayList<>(List.of((Object[]) cells)));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(csv, "cannot read the run's metrics: " + e.getMessage(), e);
    }
    return rows;
  }

  private static void writeMetrics(Path run, List<List<Object>> rows) {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (List<Object> r : rows) {
      Csv.line(sb, r);
    }
    AtomicFiles.writeString(run.resolve("metrics.csv"), sb);
    double[] x = new double[rows.size()];
    double[] lossY = new double[rows.size()];
    double[] f1 = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = Double.parseDouble(rows.get(i).get(0).toString());
      lossY[i] = parse(rows.get(i).get(2));
      f1[i] = parse(rows.get(i).get(7));
    }
    new LinePlot(
            "detector training",
            "epoch",
            "loss / SOURCE F1",
            false,
            List.of(
                new LinePlot.Series("loss", x, lossY),
                new LinePlot.Series("validation SOURCE F1", x, f1)))
        .write(run.resolve("metrics.png"), 640, 400);
  }

  private static double parse(Object cell) {
    String s = cell.toString();
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static Optional<Path> latest(Path checkpoints) {
    if (!Files.isDirectory(checkpoints)) {
      return Optional.empty();
    }
    try (var list = Files.list(checkpoints)) {
      return list.filter(p -> p.getFileName().toString().matches("epoch-\\d{4}"))
          .filter(p -> Files.isRegularFile(p.resolve("adam.bin")))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      throw new BadInputException(checkpoints, "cannot list checkpoints: " + e, e);
    }
  }

  private static int epochOf(Path checkpoint) {
    return Integer.parseInt(checkpoint.getFileName().toString().substring("epoch-".length()));
  }

  private static void prune(Path checkpoints, Path keep) {
    try (var list = Files.list(checkpoints)) {
      for (Path p : list.toList()) {
        if (!p.equals(keep) && p.getFileName().toString().matches("epoch-\\d{4}")) {
          try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(q);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new BadInputException(checkpoints, "cannot remove old checkpoints: " + e, e);
    }
  }

  static int classes() {
    return DetectBlock.CLASSES;
  }
}
