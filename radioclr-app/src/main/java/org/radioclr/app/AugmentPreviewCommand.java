package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.augment.AugmentPreview;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr augment-preview}: the views SimCLR trains on, for one image. */
@Command(
    name = "augment-preview",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-process an image (paper §2.3) and draw augmented views of it with the paper's"
          + " augmentations (Table 2: crop-resize, colour jitter, flips, rotations, blur, random"
          + " thresholding), written as one PNG grid with the original first."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr augment-preview frame.fits --n 8 --out grid.png",
      "  radioclr augment-preview source.fits --preset banner --size 96 --out views.png",
      "  radioclr augment-preview frame.fits --augment-config my-augs.json --out grid.png"
    })
final class AugmentPreviewCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.fits", description = "Input FITS image.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "GRID.png", description = "Output PNG.")
  Path output;

  @Option(names = "--n", paramLabel = "N", description = "Number of views (default: 8).")
  int views = 8;

  @Mixin SeedOption seed;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "hulk (with random thresholding, default), banner (without) or radio (rotation by any"
              + " angle, crop 0.7-1, flips, blur; no brightness changes).")
  String preset = "hulk";

  @Option(
      names = "--augment-config",
      paramLabel = "FILE",
      description = "JSON augmentation pipeline (steps and probabilities) instead of a preset.")
  Path augmentConfig;

  @Mixin PreprocessOptions options;

  @Override
  public Integer call() {
    if (views < 1 || views > 64) {
      throw new BadOptionException("--n must be in [1, 64], got " + views);
    }
    AugmentationPipeline pipeline =
        augmentConfig != null
            ? Json.read(augmentConfig, AugmentationPipeline.class)
            : BadOptionException.check(() -> AugmentationPipeline.preset(preset));
    FitsImage image = FitsReader.read(input);
    Cube cube = new Preprocessor(options.resolve()).process(image.plane(), input);
    AugmentPreview.write(output, cube, pipeline, views, seed.orDefault());
    spec.commandLine().getOut().println("wrote " + output + " (original + " + views + " views)");
    return 0;
  }
}
