package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.io.Json;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.weights.TorchvisionWeights;

class SimclrTrainerTest {
  /** 32 px, batch 4, small stem, lr 1e-3 without warm-up, 1 worker. */
  private static SimclrTrainConfig tiny(int epochs, AugmentationPipeline aug) {
    return new SimclrTrainConfig(epochs, 4, 32, 1e-3, 0, 0.0, 0.1, 3, null, aug, null, 2, 1, 2);
  }

  @Test
  void lossFallsOnAFixedBatch(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 1);
    // no augmentation and one batch of all four images: every step sees the same views
    List<EpochMetrics> m =
        SimclrTrainer.train(
            tiny(5, new AugmentationPipeline(List.of())).withCheckpoints(5, 1),
            datalist,
            dir.resolve("run"),
            null,
            TrainingListener.NONE);
    assertEquals(5, m.size());
    assertTrue(m.get(4).loss() < 0.5 * m.get(0).loss(), m.toString());
    List<String> csv = Files.readAllLines(dir.resolve("run/metrics.csv"));
    assertEquals(EpochMetrics.CSV_HEADER, csv.get(0));
    assertEquals(6, csv.size());
    assertTrue(Checkpoint.isComplete(dir.resolve("run/checkpoints/epoch-0005")));
    assertEquals(List.of(5), epochs(dir.resolve("run")));
  }

  @Test
  void resumeAfterEpochOneReproducesTheUninterruptedRun(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    SimclrTrainConfig config = tiny(2, AugmentationPipeline.hulk());
    Path a = dir.resolve("a");
    List<EpochMetrics> full = SimclrTrainer.train(config, datalist, a, null, TrainingListener.NONE);
    assertEquals(List.of(1, 2), epochs(a));

    // interrupted after epoch 1: the run as it was then
    Path b = dir.resolve("b");
    copyTree(a, b);
    deleteTree(b.resolve("checkpoints/epoch-0002"));

    // a damaged checkpoint is named with what is wrong with it (the copies: b stays intact)
    Path c = dir.resolve("c");
    copyTree(b, c);
    Path optimizer = c.resolve("checkpoints/epoch-0001").resolve(SimclrTrainer.OPTIMIZER_FILE);
    truncate(optimizer, 1000);
    assertEquals(
        optimizer.toAbsolutePath()
            + ": cannot read optimizer state: truncated (the file ends after 1000 bytes, in the"
            + " middle of the state; a copy or write cut short?)",
        assertThrows(
                BadInputException.class, () -> SimclrTrainer.resume(c, 1, TrainingListener.NONE))
            .getMessage());
    Files.writeString(optimizer, "not an optimizer state");
    assertEquals(
        optimizer.toAbsolutePath() + ": cannot read optimizer state: not a radioclr Adam state",
        assertThrows(
                BadInputException.class, () -> SimclrTrainer.resume(c, 1, TrainingListener.NONE))
            .getMessage());
    Path params = c.resolve("checkpoints/epoch-0001").resolve(Checkpoint.PARAMS_FILE);
    truncate(params, Files.size(params) / 2);
    assertTrue(
        assertThrows(
                BadInputException.class, () -> SimclrTrainer.resume(c, 1, TrainingListener.NONE))
            .getMessage()
            .startsWith(
                params.toAbsolutePath()
                    + ": truncated: the file ends after "
                    + Files.size(params)
                    + " bytes, before all the parameters"));

    List<EpochMetrics> resumed = SimclrTrainer.resume(b, 1, TrainingListener.NONE);
    assertEquals(2, resumed.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(full.get(i).steps(), resumed.get(i).steps());
      assertEquals(full.get(i).loss(), resumed.get(i).loss());
      assertEquals(full.get(i).learningRate(), resumed.get(i).learningRate());
    }

    try (LoadedModel x = Checkpoint.load(a, Device.cpu());
        LoadedModel y = Checkpoint.load(b, Device.cpu())) {
      List<Pair<String, Parameter>> px = x.network().getParameters().stream().toList();
      List<Pair<String, Parameter>> py = y.network().getParameters().stream().toList();
      assertEquals(px.size(), py.size());
      for (int i = 0; i < px.size(); i++) {
        assertArrayEquals(
            px.get(i).getValue().getArray().toFloatArray(),
            py.get(i).getValue().getArray().toFloatArray(),
            0f,
            px.get(i).getKey());
      }
    }
    assertEquals(
        b.toAbsolutePath() + ": the run is complete (2 of 2 epochs)",
        assertThrows(
                BadInputException.class, () -> SimclrTrainer.resume(b, 1, TrainingListener.NONE))
            .getMessage());
  }

  @Test
  void aStopInTheMiddleOfAnEpochResumesExactly(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    SimclrTrainConfig config = tiny(2, AugmentationPipeline.hulk()).withCheckpoints(2, 2);
    Path a = dir.resolve("a");
    List<EpochMetrics> full = SimclrTrainer.train(config, datalist, a, null, TrainingListener.NONE);

    // two batches per epoch; stop after the 3rd step, i.e. in the middle of epoch 2
    Path b = dir.resolve("b");
    StopAfter stopper = new StopAfter(3);
    List<EpochMetrics> first = SimclrTrainer.train(config, datalist, b, null, stopper);
    assertEquals(1, first.size());
    assertEquals(b.toAbsolutePath().resolve(SimclrTrainer.INTERRUPTED_DIR), stopper.checkpoint);
    assertEquals(List.of(2, 1), List.of(stopper.epoch, stopper.batch));
    assertTrue(Checkpoint.isComplete(stopper.checkpoint));
    assertEquals(List.of(), epochs(b), "checkpoint_every 2: no epoch checkpoint yet");

    long[] resumedImages = {-1};
    List<EpochMetrics> resumed =
        SimclrTrainer.resume(
            b,
            1,
            new TrainingListener() {
              @Override
              public void epochResumed(long images) {
                resumedImages[0] = images;
              }
            });
    assertEquals(4, resumedImages[0], "one batch of 4 images was done before the stop");
    assertEquals(2, resumed.size());
    assertEquals(full.get(1).loss(), resumed.get(1).loss(), "the epoch's mean loss spans the stop");
    assertEquals(full.get(1).steps(), resumed.get(1).steps());
    assertSameParameters(a, b);
    assertFalse(Files.exists(b.resolve(SimclrTrainer.INTERRUPTED_DIR)), "superseded");
  }

  @Test
  void aStopAtTheEndOfAnEpochSavesThatEpoch(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    SimclrTrainConfig config = tiny(3, AugmentationPipeline.hulk()).withCheckpoints(3, 2);
    Path b = dir.resolve("b");
    StopAfter stopper = new StopAfter(2);
    SimclrTrainer.train(config, datalist, b, null, stopper);
    assertEquals(List.of(1), epochs(b));
    assertEquals(List.of(1, 2), List.of(stopper.epoch, stopper.batch));
    assertFalse(Files.exists(b.resolve(SimclrTrainer.INTERRUPTED_DIR)));
    assertEquals(3, SimclrTrainer.resume(b, 1, TrainingListener.NONE).size());
  }

  @Test
  void aRunRecordsItsStemAndARunWithoutOneResumesWithTheOldAutomaticStem(@TempDir Path dir)
      throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    // 40 px: the standard stem by today's automatic rule, the small stem by the rule of runs that
    // did not record their stem
    SimclrTrainConfig auto = tiny(2, AugmentationPipeline.hulk()).withImageSize(40);
    List<String> notes = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void encoder(String description) {
            notes.add(description);
          }
        };
    Path fresh = dir.resolve("fresh");
    SimclrTrainer.train(auto.withEpochs(1), datalist, fresh, null, listener);
    assertEquals(
        List.of(
            "encoder: ResNet18, standard stem (7x7 stride 2 + max-pool) at 40 px (--stem auto)"),
        notes);
    assertEquals(
        Boolean.FALSE,
        Json.read(fresh.resolve(SimclrTrainer.CONFIG_FILE), SimclrTrainConfig.class).smallStem());

    // an older run: small stem at 40 px, interrupted after epoch 1, its config.json without a stem
    SimclrTrainConfig old = auto.withSmallStem(true);
    Path a = dir.resolve("a");
    List<EpochMetrics> full = SimclrTrainer.train(old, datalist, a, null, TrainingListener.NONE);
    Path b = dir.resolve("b");
    copyTree(a, b);
    deleteTree(b.resolve("checkpoints/epoch-0002"));
    Json.write(b.resolve(SimclrTrainer.CONFIG_FILE), old.withSmallStem(null));
    notes.clear();
    List<EpochMetrics> resumed = SimclrTrainer.resume(b, 1, listener);
    assertEquals(
        List.of("encoder: ResNet18, small stem (3x3 stride 1, no max-pool) at 40 px"), notes);
    assertEquals(full.get(1).loss(), resumed.get(1).loss());
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointStartsAgainExactly(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    // the first checkpoint after epoch 2 (of 2 batches each)
    SimclrTrainConfig config = tiny(2, AugmentationPipeline.hulk()).withCheckpoints(2, 2);
    Path a = dir.resolve("a");
    List<EpochMetrics> full = SimclrTrainer.train(config, datalist, a, null, TrainingListener.NONE);

    // killed (kill -9, the OOM killer) in epoch 2 while it wrote its first checkpoint: the run
    // folder as the process left it, plus what the checkpoint write and a metrics write left
    Path b = dir.resolve("b");
    assertThrows(
        Killed.class, () -> SimclrTrainer.train(config, datalist, b, null, new KillAfter(3)));
    assertTrue(Files.isRegularFile(b.resolve(SimclrTrainer.CONFIG_FILE)));
    assertTrue(Files.isRegularFile(b.resolve("provenance.json")));
    assertEquals(2, Files.readAllLines(b.resolve(SimclrTrainer.METRICS_FILE)).size(), "epoch 1");
    Path tmp = Files.createDirectories(b.resolve("checkpoints/.epoch-0002.tmp-8123476"));
    Files.write(tmp.resolve(Checkpoint.PARAMS_FILE), new byte[] {'D', 'J', 'L', '@', 0, 0});
    Files.writeString(b.resolve(".metrics.csv.4711.part"), "epoch,st");
    assertEquals(List.of(), epochs(b), "temporary folders are no checkpoints");
    assertTrue(Checkpoint.latest(b).isEmpty());

    // the original command points at --resume
    assertEquals(
        b.toAbsolutePath()
            + ": output folder is not empty: it holds a training run; continue it with --resume "
            + b.toAbsolutePath()
            + " (or use another --out folder)",
        assertThrows(
                BadInputException.class,
                () -> SimclrTrainer.train(config, datalist, b, null, TrainingListener.NONE))
            .getMessage());

    Notes notes = new Notes();
    List<EpochMetrics> resumed = SimclrTrainer.resume(b, 1, notes);
    assertEquals(
        List.of(
            "removed temporary leftovers of an interrupted run from "
                + b.toAbsolutePath()
                + ": checkpoints/.epoch-0002.tmp-8123476, .metrics.csv.4711.part",
            "the run has no checkpoint yet: starting it again from its first step"),
        notes.lines);
    assertFalse(Files.exists(tmp));
    assertFalse(Files.exists(b.resolve(".metrics.csv.4711.part")));
    assertEquals(2, resumed.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(full.get(i).steps(), resumed.get(i).steps());
      assertEquals(full.get(i).loss(), resumed.get(i).loss());
      assertEquals(full.get(i).learningRate(), resumed.get(i).learningRate());
    }
    assertEquals(List.of(2), epochs(b));
    assertSameParameters(a, b);
    assertEquals(
        Files.readString(a.resolve("checkpoints/epoch-0002").resolve(SimclrTrainer.STATE_FILE)),
        Files.readString(b.resolve("checkpoints/epoch-0002").resolve(SimclrTrainer.STATE_FILE)));
    assertArrayEquals(
        Files.readAllBytes(
            a.resolve("checkpoints/epoch-0002").resolve(SimclrTrainer.OPTIMIZER_FILE)),
        Files.readAllBytes(
            b.resolve("checkpoints/epoch-0002").resolve(SimclrTrainer.OPTIMIZER_FILE)));
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointStartsAgainFromItsInitWeights(@TempDir Path dir)
      throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 4);
    SimclrTrainConfig config = tiny(1, new AugmentationPipeline(List.of()));
    Path a = dir.resolve("a");
    SimclrTrainer.train(config, datalist, a, null, TrainingListener.NONE);
    Path init = dir.resolve("init");
    copyTree(a, init);
    List<EpochMetrics> full =
        SimclrTrainer.train(config, datalist, dir.resolve("full"), a, TrainingListener.NONE);

    Path b = dir.resolve("b");
    assertThrows(
        Killed.class, () -> SimclrTrainer.train(config, datalist, b, init, new KillAfter(1)));
    Path legacy = dir.resolve("legacy");
    copyTree(b, legacy);

    // the --init weights are checked: they must be those the run started from
    Path weights = init.resolve("checkpoints/epoch-0001").resolve(Checkpoint.PARAMS_FILE);
    byte[] original = Files.readAllBytes(weights);
    Files.write(weights, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(
        weights.toAbsolutePath()
            + ": the run's --init weights changed since the run started (SHA-256 differs)",
        assertThrows(
                BadInputException.class, () -> SimclrTrainer.resume(b, 1, TrainingListener.NONE))
            .getMessage());
    Files.write(weights, original);

    List<EpochMetrics> resumed = SimclrTrainer.resume(b, 1, TrainingListener.NONE);
    assertEquals(full.get(0).loss(), resumed.get(0).loss());
    assertSameParameters(dir.resolve("full"), b);

    // a run started before radioclr recorded its start cannot start again by itself
    Files.delete(legacy.resolve("provenance.json"));
    assertEquals(
        legacy.toAbsolutePath()
            + ": cannot resume: the run has no checkpoint yet, and no provenance.json saying what"
            + " it started from (a run started by an older radioclr); remove the folder and start"
            + " the run again",
        assertThrows(
                BadInputException.class,
                () -> SimclrTrainer.resume(legacy, 1, TrainingListener.NONE))
            .getMessage());
  }

  @Test
  void leftoversOfAStartCutShortDoNotBlockANewStart(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 4);
    SimclrTrainConfig config = tiny(1, new AugmentationPipeline(List.of()));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(b.resolve(".provenance.json.123.part"), "{");
    Notes notes = new Notes();
    SimclrTrainer.train(config, datalist, b, null, notes);
    assertEquals(
        List.of(
            "removed a temporary leftover of an interrupted run from "
                + b.toAbsolutePath()
                + ": .provenance.json.123.part"),
        notes.lines);
    assertEquals(List.of(1), epochs(b));

    // anything else keeps a folder that is not a run from being used
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve(".provenance.json.1.part"), "{");
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertEquals(
        other.toAbsolutePath() + ": output folder is not empty; use another --out folder",
        assertThrows(
                BadInputException.class,
                () -> SimclrTrainer.train(config, datalist, other, null, TrainingListener.NONE))
            .getMessage());
    assertTrue(Files.exists(other.resolve(".provenance.json.1.part")));
  }

  @Test
  void aStopCutShortWhileRenamingItsCheckpointIsRecovered(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 2);
    SimclrTrainConfig config = tiny(2, AugmentationPipeline.hulk()).withCheckpoints(2, 2);
    Path a = dir.resolve("a");
    SimclrTrainer.train(config, datalist, a, null, TrainingListener.NONE);
    Path b = dir.resolve("b");
    SimclrTrainer.train(config, datalist, b, null, new StopAfter(3));
    // killed after the stop checkpoint was written, before it was renamed into place
    Files.move(
        b.resolve(SimclrTrainer.INTERRUPTED_DIR),
        b.resolve("." + SimclrTrainer.INTERRUPTED_DIR + ".next"));
    Notes notes = new Notes();
    SimclrTrainer.resume(b, 1, notes);
    assertEquals(
        List.of(
            "recovered interrupted from .interrupted.next (a stop was cut short while saving its"
                + " checkpoint)"),
        notes.lines);
    assertFalse(Files.exists(b.resolve("." + SimclrTrainer.INTERRUPTED_DIR + ".next")));
    assertSameParameters(a, b);
  }

  /** Collects notes. */
  private static final class Notes implements TrainingListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void note(String message) {
      lines.add(message);
    }
  }

  /** What a kill -9 does to the trainer: it stops where it is, with no clean-up. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("killed");
    }
  }

  /** Kills the trainer once {@code steps} steps are done. */
  private static final class KillAfter implements TrainingListener {
    private final int steps;
    private int done;

    KillAfter(int steps) {
      this.steps = steps;
    }

    @Override
    public void stepDone(int pairs, float loss) {
      if (++done >= steps) {
        throw new Killed();
      }
    }
  }

  /** Asks to stop once {@code steps} steps are done. */
  private static final class StopAfter implements TrainingListener {
    private final int steps;
    private int done;
    Path checkpoint;
    int epoch;
    int batch;

    StopAfter(int steps) {
      this.steps = steps;
    }

    @Override
    public void stepDone(int pairs, float loss) {
      done++;
    }

    @Override
    public boolean stopRequested() {
      return done >= steps;
    }

    @Override
    public void stopped(Path checkpoint, int epoch, int batch) {
      this.checkpoint = checkpoint;
      this.epoch = epoch;
      this.batch = batch;
    }
  }

  @Test
  void validationReportsKnnAccuracyAndLeavesTheTrainingUnchanged(@TempDir Path dir)
      throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 8, 40, 5);
    Path val = TrainData.labelledDatalist(dir.resolve("val"), 6, 40, 6);
    SimclrTrainConfig config = tiny(2, AugmentationPipeline.hulk()).withValK(3);
    Path plain = dir.resolve("plain");
    Path checked = dir.resolve("checked");
    List<EpochMetrics> a =
        SimclrTrainer.train(config, datalist, plain, null, TrainingListener.NONE);
    List<EpochMetrics> b =
        SimclrTrainer.train(config, datalist, val, checked, null, TrainingListener.NONE);
    for (int i = 0; i < 2; i++) {
      assertEquals(a.get(i).loss(), b.get(i).loss());
      assertFalse(a.get(i).hasKnnAccuracy());
      double acc = b.get(i).knnAccuracy();
      // 6 images: accuracy is a multiple of 1/6
      assertEquals(Math.round(acc * 6) / 6.0, acc, 1e-12, "accuracy " + acc);
    }
    assertSameParameters(plain, checked);

    List<String> without = Files.readAllLines(plain.resolve(SimclrTrainer.METRICS_FILE));
    List<String> with = Files.readAllLines(checked.resolve(SimclrTrainer.METRICS_FILE));
    assertTrue(without.get(1).endsWith(","), without.get(1));
    String last = with.get(2);
    assertEquals(
        String.format(java.util.Locale.ROOT, "%.4f", b.get(1).knnAccuracy()),
        last.substring(last.lastIndexOf(',') + 1));
    for (Path run : List.of(plain, checked)) {
      java.awt.image.BufferedImage png =
          javax.imageio.ImageIO.read(run.resolve(SimclrTrainer.PLOT_FILE).toFile());
      assertEquals(720, png.getWidth());
      assertEquals(run == plain ? 520 : 780, png.getHeight(), "two or three panels");
    }
    String state = Files.readString(checked.resolve("checkpoints/epoch-0002/trainer-state.json"));
    assertTrue(state.contains("labelled.json"), state);

    // an unlabelled validation datalist is refused before anything is written
    BadInputException unlabelled =
        assertThrows(
            BadInputException.class,
            () ->
                SimclrTrainer.train(
                    config, datalist, datalist, dir.resolve("r"), null, TrainingListener.NONE));
    assertEquals(
        datalist + ": data[0] (sname s0) has no label; validation needs labels",
        unlabelled.getMessage());
    assertFalse(Files.exists(dir.resolve("r")));
  }

  private static void assertSameParameters(Path runA, Path runB) {
    try (LoadedModel x = Checkpoint.load(runA, Device.cpu());
        LoadedModel y = Checkpoint.load(runB, Device.cpu())) {
      List<Pair<String, Parameter>> px = x.network().getParameters().stream().toList();
      List<Pair<String, Parameter>> py = y.network().getParameters().stream().toList();
      assertEquals(px.size(), py.size());
      for (int i = 0; i < px.size(); i++) {
        assertArrayEquals(
            px.get(i).getValue().getArray().toFloatArray(),
            py.get(i).getValue().getArray().toFloatArray(),
            0f,
            px.get(i).getKey());
      }
    }
  }

  @Test
  void aFolderInTheDatalistIsCalledAFolderNotAMissingFile(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 3);
    Path img2 = dir.resolve("data/img2.fits");
    Files.delete(img2);
    Files.createDirectories(img2);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                SimclrTrainer.train(
                    tiny(1, AugmentationPipeline.banner()),
                    datalist,
                    dir.resolve("r"),
                    null,
                    TrainingListener.NONE));
    assertEquals(
        datalist + ": data[2] (sname s2): is a folder, not a FITS file: " + img2.toAbsolutePath(),
        e.getMessage());
  }

  @Test
  void badInputGivesOneClearError(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 3);
    SimclrTrainConfig config = tiny(1, AugmentationPipeline.banner());
    Files.delete(dir.resolve("data/img2.fits"));
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () ->
                SimclrTrainer.train(
                    config, datalist, dir.resolve("r1"), null, TrainingListener.NONE));
    assertEquals(
        datalist
            + ": data[2] (sname s2): file not found: "
            + dir.resolve("data/img2.fits").toAbsolutePath(),
        missing.getMessage());
    assertFalse(Files.exists(dir.resolve("r1")));

    Path data2 = TrainData.datalist(dir.resolve("data2"), 4, 40, 3);
    Path busy = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(busy.resolve("x"), "");
    assertTrue(
        assertThrows(
                BadInputException.class,
                () -> SimclrTrainer.train(config, data2, busy, null, TrainingListener.NONE))
            .getMessage()
            .contains("output folder is not empty"));

    // a checkpoint of the standard stem cannot start a small-stem run
    Path big = dir.resolve("big");
    SimclrTrainer.train(config, data2, big, null, TrainingListener.NONE);
    SimclrTrainConfig standard =
        new SimclrTrainConfig(
            1, 4, 32, 1e-3, 0, 0, 0.1, 3, false, AugmentationPipeline.banner(), null, 1, 1, 1);
    // (32 px: the standard stem's minimum; the error comes before any training)
    BadInputException other =
        assertThrows(
            BadInputException.class,
            () ->
                SimclrTrainer.train(
                    standard, data2, dir.resolve("r2"), big, TrainingListener.NONE));
    assertEquals(
        big.resolve("checkpoints/epoch-0001").toAbsolutePath()
            + ": checkpoint is another network (small stem, 3 channels, head 512-256-128) than"
            + " this run needs (standard stem, 3 channels, head 512-256-128)",
        other.getMessage());
  }

  @Test
  void initStartsFromTheCheckpointWeights(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 4);
    SimclrTrainConfig config = tiny(1, new AugmentationPipeline(List.of()));
    List<EpochMetrics> first =
        SimclrTrainer.train(config, datalist, dir.resolve("a"), null, TrainingListener.NONE);
    List<EpochMetrics> again =
        SimclrTrainer.train(
            config, datalist, dir.resolve("b"), dir.resolve("a"), TrainingListener.NONE);
    // same batch, weights after one step: the loss continues from where run a ended
    assertTrue(again.get(0).loss() < first.get(0).loss(), first + " vs " + again);
    String provenance = Files.readString(dir.resolve("b/checkpoints/epoch-0001/provenance.json"));
    assertTrue(provenance.contains("\"init\""), provenance);
    assertTrue(provenance.contains("\"datalist_sha256\""), provenance);
  }

  @Test
  void initFromSafetensorsMatchesInitFromTheCheckpoint(@TempDir Path dir) throws IOException {
    Path datalist = TrainData.datalist(dir.resolve("data"), 4, 40, 4);
    SimclrTrainConfig config = tiny(1, new AugmentationPipeline(List.of()));
    SimclrTrainer.train(config, datalist, dir.resolve("a"), null, TrainingListener.NONE);
    Path weights = dir.resolve("a.safetensors");
    try (LoadedModel loaded = Checkpoint.load(dir.resolve("a"), Device.cpu())) {
      TorchvisionWeights.export(weights, loaded.network());
    }
    List<EpochMetrics> fromCheckpoint =
        SimclrTrainer.train(
            config, datalist, dir.resolve("b"), dir.resolve("a"), TrainingListener.NONE);
    List<EpochMetrics> fromFile =
        SimclrTrainer.train(config, datalist, dir.resolve("c"), weights, TrainingListener.NONE);
    List<EpochMetrics> fresh =
        SimclrTrainer.train(config, datalist, dir.resolve("d"), null, TrainingListener.NONE);
    assertEquals(fromCheckpoint.get(0).loss(), fromFile.get(0).loss(), 1e-6);
    assertNotEquals(fresh.get(0).loss(), fromFile.get(0).loss());

    // a file for the other stem is refused naming it
    Path other = dir.resolve("standard.safetensors");
    try (NDManager manager = Engines.newManager()) {
      SimclrModel standard = SimclrModel.paper(false); // the 32 px run has the small stem
      standard.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      TorchvisionWeights.export(other, standard);
    }
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                SimclrTrainer.train(
                    config, datalist, dir.resolve("e"), other, TrainingListener.NONE));
    assertTrue(e.getMessage().contains("conv1.weight"), e.getMessage());
  }

  private static List<Integer> epochs(Path run) {
    return Checkpoint.list(run).stream().map(Pair::getKey).toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void truncate(Path file, long length) throws IOException {
    try (java.nio.channels.FileChannel c =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      c.truncate(length);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> all = new ArrayList<>(s.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.delete(p);
      }
    }
  }
}
