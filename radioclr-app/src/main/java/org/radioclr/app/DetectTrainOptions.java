package org.radioclr.app;

import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.detect.train.DetectTrainConfig;
import picocli.CommandLine.Option;

/** The training settings shared by {@code detect train} and {@code detect study}. */
final class DetectTrainOptions {
  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 20).")
  int epochs = 20;

  @Option(names = "--batch-size", paramLabel = "N", description = "Crops per step (default: 8).")
  int batchSize = 8;

  @Option(
      names = "--crop",
      paramLabel = "PX",
      description = "Training crop side, a multiple of 32 (default: 128).")
  int crop = 128;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: 1e-3).")
  double lr = 1e-3;

  @Option(
      names = "--decoder-channels",
      paramLabel = "N",
      description = "Decoder width (default: 64).")
  int decoder = 64;

  @Option(
      names = "--preprocess",
      paramLabel = "NAME",
      description =
          "Input channels of a scratch or torchvision start (a SimCLR start keeps its run's):"
              + " detect (sigma-clip, zscale 0.25, signal-to-noise; measured better, see"
              + " docs/detect.md) or paper (sigma-clip, zscale 0.25, zscale 0.4; default:"
              + " ${DEFAULT-VALUE}).")
  String preprocess = "detect";

  /**
   * The pre-processing preset named by {@code --preprocess}, without resizing.
   *
   * @throws BadOptionException naming the known presets
   */
  PreprocessConfig preprocess() {
    return BadOptionException.check(() -> PreprocessConfig.preset(preprocess)).withResize(false);
  }

  /**
   * The settings.
   *
   * @throws BadOptionException naming the bad value
   */
  DetectTrainConfig resolve(long seed, int checkpointEvery) {
    return BadOptionException.check(
        () -> new DetectTrainConfig(epochs, batchSize, crop, lr, 0, seed, checkpointEvery));
  }
}
