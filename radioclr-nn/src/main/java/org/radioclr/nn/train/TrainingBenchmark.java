package org.radioclr.nn.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.model.SimclrModel;

/**
 * Measures SimCLR training throughput in three parts: the data pipeline alone ({@link PairBatches}
 * reading, pre-processing and augmenting batches that are released at once), the model step alone
 * ({@link SimclrStep} on one fixed batch: forward, NT-Xent, backward, Adam), and whole training
 * steps (pipeline feeding the model, as {@link SimclrTrainer} runs them). Rates are images (pairs
 * of views) per second; one step of each kind runs first as a warm-up and is not timed.
 */
public final class TrainingBenchmark {
  private TrainingBenchmark() {}

  /**
   * One measured part.
   *
   * @param stage what was measured
   * @param images images (pairs of views) processed while timed
   * @param seconds wall time
   */
  public record Rate(String stage, long images, double seconds) {
    /** Images per second. */
    public double imagesPerSecond() {
      return images / seconds;
    }
  }

  /**
   * Runs the three measurements.
   *
   * @param images FITS images (repeated as needed; at least one)
   * @param config batch size, image size, augmentation, pre-processing, workers, learning rate
   * @param steps timed steps per part, &ge; 1
   * @param warning told about unreadable images
   * @return pipeline, model and whole-step rates, in that order
   */
  public static List<Rate> run(
      List<Path> images, SimclrTrainConfig config, int steps, Consumer<String> warning) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to benchmark");
    }
    int b = config.batchSize();
    Path[] list = new Path[Math.max(images.size(), b * (steps + 1))];
    for (int i = 0; i < list.length; i++) {
      list[i] = images.get(i % images.size());
    }
    List<Path> all = Arrays.asList(list);
    Engine engine = Engines.pytorch();
    try (Model model =
            Model.newInstance(Checkpoint.MODEL_NAME, Engines.bestDevice(), engine.getEngineName());
        PairBatches batches =
            new PairBatches(
                all,
                config.effectivePreprocess(),
                config.augmentation(),
                b,
                config.seed(),
                config.workers(),
                config.workers() + 2,
                new SkippedImages(e -> warning.accept(e.line())))) {
      engine.setRandomSeed((int) config.seed());
      SimclrModel block = SimclrTrainer.modelConfig(config).newModel();
      model.setBlock(block);
      int side = batches.side();
      int channels = batches.channels();
      block.initialize(
          model.getNDManager(), DataType.FLOAT32, new Shape(2L * b, channels, side, side));
      SimclrStep step = new SimclrStep(model, engine, config.temperature(), config.weightDecay());
      float lr = (float) config.learningRate();

      // data pipeline alone (epoch 0), keeping a copy of its first batch for the model part
      float[] fixed = null;
      int fixedPairs = 0;
      long pipeImages = 0;
      long t0 = 0;
      try (PairBatches.Epoch epoch = batches.epoch(0)) {
        for (int i = 0; i <= steps; i++) {
          PairBatches.Batch batch = epoch.next();
          if (batch == null) {
            break;
          }
          if (i == 0) {
            fixed = batch.data().clone();
            fixedPairs = batch.pairs();
            t0 = System.nanoTime();
          } else {
            pipeImages += batch.pairs();
          }
          batch.release();
        }
      }
      Rate pipeline = new Rate("data pipeline only", pipeImages, (System.nanoTime() - t0) / 1e9);
      if (fixed == null || fixedPairs < 2) {
        throw new IllegalArgumentException("the images gave no usable batch");
      }

      // model step alone on the fixed batch
      int optimizerStep = 0;
      step.run(fixed, fixedPairs, channels, side, optimizerStep++, lr, () -> {});
      t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        step.run(fixed, fixedPairs, channels, side, optimizerStep++, lr, () -> {});
      }
      Rate modelOnly =
          new Rate(
              "model step only (fwd+bwd+Adam)",
              (long) steps * fixedPairs,
              (System.nanoTime() - t0) / 1e9);

      // whole steps: pipeline feeding the model (epoch 1: other augmentations)
      long wholeImages = 0;
      try (PairBatches.Epoch epoch = batches.epoch(1)) {
        PairBatches.Batch first = epoch.next();
        step.run(first.data(), first.pairs(), channels, side, optimizerStep++, lr, first::release);
        t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          PairBatches.Batch batch = epoch.next();
          if (batch == null) {
            break;
          }
          int pairs = batch.pairs();
          if (pairs < 2) {
            batch.release();
            continue;
          }
          step.run(batch.data(), pairs, channels, side, optimizerStep++, lr, batch::release);
          wholeImages += pairs;
        }
      }
      Rate whole = new Rate("whole training step", wholeImages, (System.nanoTime() - t0) / 1e9);
      return List.of(pipeline, modelOnly, whole);
    }
  }
}
